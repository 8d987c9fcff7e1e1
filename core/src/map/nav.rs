//! Moving between tiles with the keyboard: arrow keys go to the nearest tile in that
//! direction, Home and End to the first and last tile in reading order.

use super::units::UNITS;

/// A key that moves the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
    /// Home: the first tile in reading order.
    First,
    /// End: the last tile in reading order.
    Last,
}

impl Move {
    /// The move a `KeyboardEvent.key` asks for.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowLeft" => Move::Left,
            "ArrowRight" => Move::Right,
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

/// The units in reading order (rows top to bottom, each west to east).
pub fn reading_order() -> Vec<usize> {
    let mut order: Vec<usize> = (0..UNITS.len()).collect();
    order.sort_by_key(|&i| (UNITS[i].row, UNITS[i].col));
    order
}

/// Where the focus goes from `from` (an index into [`UNITS`]; `None` before any tile has
/// it: then the first tile). At an edge it stays.
pub fn step(from: Option<usize>, m: Move) -> usize {
    let order = reading_order();
    let Some(from) = from.filter(|&i| i < UNITS.len()) else {
        return match m {
            Move::Last => order[order.len() - 1],
            _ => order[0],
        };
    };
    let (c, r) = (i32::from(UNITS[from].col), i32::from(UNITS[from].row));
    // Along the direction `ahead` cells, across it `aside`: the nearest tile ahead wins,
    // straight lines before diagonals.
    let score = |i: usize| -> Option<(i32, i32)> {
        let (dc, dr) = (i32::from(UNITS[i].col) - c, i32::from(UNITS[i].row) - r);
        let (ahead, aside) = match m {
            Move::Right => (dc, dr),
            Move::Left => (-dc, dr),
            Move::Down => (dr, dc),
            Move::Up => (-dr, dc),
            Move::First | Move::Last => return None,
        };
        (ahead > 0 && aside.abs() <= ahead).then_some((ahead + 2 * aside.abs(), aside.abs()))
    };
    match m {
        Move::First => order[0],
        Move::Last => order[order.len() - 1],
        _ => (0..UNITS.len())
            .filter_map(|i| score(i).map(|s| (s, i)))
            .min()
            .map_or(from, |(_, i)| i),
    }
}
