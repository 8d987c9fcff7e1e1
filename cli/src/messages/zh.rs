//! The command line in Chinese.
//!
//! Method for method the same shape as `en.rs` (the `duplicates` tool pairs them): that is
//! the point, one implementation of the same trait per language.

use std::fmt::Display;

use super::Messages;

/// Chinese.
pub(super) struct Zh;

impl Messages for Zh {
    fn at_most_bytes(&self, max: u64) -> String {
        format!("不超过 {max} 字节（--max-bytes）")
    }

    fn bytes(&self, size: u64) -> String {
        format!("{size} 字节")
    }

    fn cannot_read_file(&self, error: &dyn Display) -> String {
        format!("无法读取文件：{error}。")
    }

    fn is_a_directory(&self) -> String {
        "这是一个目录".into()
    }

    fn over_dashboard_limit(&self, size_mb: u64, limit_mb: u64) -> String {
        format!("文件有 {size_mb} MB，而看板只加载不超过 {limit_mb} MB 的文件：请拆分数据。")
    }

    fn not_utf8(&self, looks_gbk: bool) -> String {
        if looks_gbk {
            "文件不是 UTF-8 编码，看起来是 GBK/GB18030：请另存为 UTF-8（例如 iconv -f GB18030 -t UTF-8）。".into()
        } else {
            "文件不是 UTF-8 编码：数据格式要求 UTF-8。".into()
        }
    }

    fn utf8_text(&self) -> String {
        "UTF-8 文本".into()
    }

    fn the_byte(&self, byte: u8) -> String {
        format!("字节 0x{byte:02X}")
    }

    fn end_of_file(&self) -> String {
        "文件结束".into()
    }

    fn an_invalid_byte(&self) -> String {
        "无效的字节".into()
    }

    fn warnings_not_shown(&self, file: &str, hidden: usize) -> String {
        format!("{file}: 另有 {hidden} 个警告未列出（用 --max-warnings N 显示更多）。")
    }

    fn summary_valid(&self, file: &str, warnings: usize) -> String {
        if warnings == 0 {
            format!("{file}: 有效。")
        } else {
            format!("{file}: 有效，有 {warnings} 个警告。")
        }
    }

    fn summary_invalid(&self, file: &str, errors: usize, warnings: usize) -> String {
        format!("{file}: 无效：{errors} 个错误，{warnings} 个警告。")
    }

    fn summary_unusable(&self, file: &str, errors: usize) -> String {
        format!("{file}: 无法校验：{errors} 个错误。")
    }

    fn severity(&self, error: bool) -> &'static str {
        if error {
            "错误"
        } else {
            "警告"
        }
    }

    fn detail_line(&self, label: usize, value: &str) -> String {
        let label = ["位置", "应为", "实际"][label];
        format!("    {label}：{value}")
    }

    fn wrote(&self, path: &dyn Display) -> String {
        format!("已写入 {path}。")
    }

    fn no_file_written(&self) -> String {
        "未写入文件。".into()
    }

    fn cannot_read_base(&self, name: &str, error: &dyn Display) -> String {
        format!("{name}: 无法读取基础文件：{error}。")
    }

    fn base_unusable(&self) -> String {
        "基础文件不可用：\n".into()
    }

    fn no_stations(&self) -> String {
        "没有派出所：请用 --stations 指定 stations.csv。".into()
    }

    fn no_publisher(&self) -> String {
        "请用 --publisher 指定发布方（或用 --base 提供基础文件）。".into()
    }

    fn no_month_column(&self, table: &str) -> String {
        format!("{table}: 缺少“month”（月份）列，也没有以月份（如 2024-01）为名的列。")
    }

    fn base_file(&self) -> String {
        "基础文件".into()
    }

    fn table_rows(
        &self,
        name: &str,
        encoding: &str,
        rows: usize,
        rejected: usize,
        blank: usize,
    ) -> String {
        let skipped = if blank > 0 {
            format!("，跳过 {blank} 个空行")
        } else {
            String::new()
        };
        format!(
            "{name}（{encoding}）：{rows} 行数据，接受 {} 行，拒绝 {rejected} 行{skipped}。",
            rows - rejected
        )
    }

    fn ignored_columns(&self, name: &str, columns: &[String]) -> String {
        format!("{name}: 警告：忽略了不认识的列：{}。", columns.join("、"))
    }

    fn in_column(&self, column: &str) -> String {
        format!("（列 {column}）")
    }

    fn rejected_row(&self, file: &str, row: usize, in_column: &str, reason: &str) -> String {
        format!("{file} 第 {row} 行：已拒绝{in_column}：{reason}")
    }

    fn row_of(&self, file: &str, row: usize) -> String {
        format!("{file} 第 {row} 行")
    }

    fn warning_prefix(&self) -> String {
        "警告：".into()
    }

    fn counts(
        &self,
        sources: usize,
        metrics: usize,
        stations: usize,
        figures: usize,
        series: usize,
    ) -> String {
        format!(
            "{sources} 个来源，{metrics} 个指标，{stations} 个派出所，{figures} 项数据，{series} 个月度序列"
        )
    }

    fn data_valid(&self, counts: &str) -> String {
        format!("数据有效：{counts}。")
    }

    fn rejected_rest_written(&self, rejected: usize, counts: &str) -> String {
        format!("拒绝了 {rejected} 行（--allow-rejects）；其余数据有效：{counts}。")
    }

    fn rejected_nothing_written(&self, rejected: usize) -> String {
        format!(
            "拒绝了 {rejected} 行，未写入文件：请修正这些行，或用 --allow-rejects 只写入其余数据。"
        )
    }

    fn cannot_read_table(&self, name: &str, error: &dyn Display) -> String {
        format!("{name}: 无法读取文件：{error}。")
    }

    fn not_text_in(&self, name: &str, line: usize, encoding: &str) -> String {
        format!(
            "{name}: 第 {line} 行不是有效的 {encoding} 文本；请用 --encoding 指定编码（utf-8、gbk 或 gb18030）。"
        )
    }

    fn empty_table(&self, name: &str) -> String {
        format!("{name}: 文件是空的：第 1 行应为列名。")
    }

    fn column_twice(&self, name: &str, column: &str) -> String {
        format!("{name}: 列“{column}”出现了两次。")
    }

    fn column_with_alias(&self, canon: &str, zh: &str) -> String {
        format!("{canon}（{zh}）")
    }

    fn missing_columns(&self, name: &str, missing: &[&str], allowed: &[String]) -> String {
        format!(
            "{name}: 缺少必需的列：{}。可用的列：{}。",
            missing.join("、"),
            allowed.join("、")
        )
    }

    fn refers_to_rejected(&self, file: &str, row: usize) -> String {
        format!("（{file} 第 {row} 行已被拒绝）")
    }

    fn station_rejected(&self, id: &str, file: &str, row: usize) -> String {
        format!("派出所“{id}”（{file} 第 {row} 行）已被拒绝。")
    }

    fn station_not_in_table(&self, id: &str) -> String {
        format!("派出所“{id}”不在派出所表中。")
    }

    fn series_sources_differ(&self, first_row: usize, first: &str, this: &str) -> String {
        format!("同一序列的来源应相同：第 {first_row} 行为“{first}”，这一行为“{this}”。")
    }

    fn month_given_before(&self, row: usize) -> String {
        format!("这个月份已在第 {row} 行给出。")
    }

    fn no_month_values(&self) -> String {
        "这一行没有任何月份的数值。".into()
    }

    fn cell_missing(&self, column: &str) -> String {
        format!("必填的“{column}”是空的。")
    }

    fn cell_not_number(&self, column: &str, value: &str) -> String {
        format!("“{column}”的“{value}”不是数字。")
    }

    fn cell_not_month_value(&self, column: &str, value: &str) -> String {
        format!("“{column}”的“{value}”不是数字（估计值写作数字加 *，例如 12*）。")
    }

    fn cell_not_word(&self, column: &str, value: &str, allowed: &str) -> String {
        format!("“{column}”的“{value}”不是可用的取值（{allowed}）。")
    }

    fn cell_not_date(&self, column: &str, value: &str) -> String {
        format!("“{column}”的“{value}”不是有效日期（YYYY、YYYY-MM 或 YYYY-MM-DD）。")
    }

    fn cell_not_month(&self, column: &str, value: &str) -> String {
        format!("“{column}”的“{value}”不是月份（例如 2024-01）。")
    }

    fn extra_cells(&self, cells: usize, columns: usize) -> String {
        format!("这一行有 {cells} 个单元格，而列名只有 {columns} 个。")
    }

    fn profile_without_source(&self) -> String {
        "有基本情况数据，但“profile_source”是空的：每个数据都要有来源。".into()
    }

    fn status_does_not_fit(&self, status: &str) -> String {
        format!("状态“{status}”与数值不符：缺失（missing）的月份数值必须为空，其余月份必须有数值。")
    }

    fn rendered(&self, files: usize, bytes: u64, dir: &str) -> String {
        format!("已写入 {files} 个预渲染视图（{bytes} 字节）到 {dir}。")
    }

    fn file_over_limit(&self, path: &str, limit: u64) -> String {
        format!("{path}：文件超过 {limit} 字节，无法处理。")
    }
}
