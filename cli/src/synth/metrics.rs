//! The metric catalogue of a generated data set.

use super::*;

pub(super) fn metric(
    id: &str,
    zh: &str,
    en: &str,
    unit: Unit,
    family: Family,
    polarity: Polarity,
) -> Metric {
    Metric {
        id: id.to_string(),
        label: text(zh.to_string(), en.to_string()),
        unit,
        family,
        polarity,
    }
}

pub(super) fn metrics() -> Vec<Metric> {
    use Family::*;
    use Polarity::*;
    vec![
        metric(
            "incidents",
            "警情总量",
            "All incidents (calls for police)",
            Unit::Count,
            Incidents,
            LowerIsBetter,
        ),
        metric(
            "criminal_incidents",
            "刑事警情",
            "Criminal incidents",
            Unit::Count,
            Incidents,
            LowerIsBetter,
        ),
        metric(
            "mediation_success_rate",
            "矛盾纠纷调解成功率（化解率）",
            "Dispute mediation success (resolution) rate",
            Unit::Percent,
            Mediation,
            HigherIsBetter,
        ),
        metric(
            "disputes_mediated",
            "成功调解（化解）矛盾纠纷",
            "Disputes successfully mediated (resolved)",
            Unit::Count,
            Mediation,
            HigherIsBetter,
        ),
        metric(
            "disputes",
            "矛盾纠纷数",
            "Disputes",
            Unit::Count,
            Mediation,
            LowerIsBetter,
        ),
        metric(
            "group_population_coverage",
            "群组覆盖实有人口比例",
            "Share of residents covered by community groups",
            Unit::Percent,
            GroupCoverage,
            HigherIsBetter,
        ),
        metric(
            "community_groups",
            "群防群治群组",
            "Community groups",
            Unit::Count,
            GroupCoverage,
            HigherIsBetter,
        ),
        metric(
            "fraud_cases",
            "电信网络诈骗发案",
            "Telecom and online fraud cases",
            Unit::Count,
            Fraud,
            LowerIsBetter,
        ),
        metric(
            "fraud_losses",
            "电信网络诈骗损失金额",
            "Losses to telecom and online fraud",
            Unit::Yuan,
            Fraud,
            LowerIsBetter,
        ),
    ]
}
