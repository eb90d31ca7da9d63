//! Splitting text into marked and unmarked pieces, for highlights that the
//! viewer builds as DOM nodes (never as HTML). Quotations, country mentions
//! and search hits nest: the viewer applies this once per layer.

extern crate alloc;
use alloc::vec::Vec;

use crate::model::Span;

/// Splits `outer` into consecutive pieces: each either inside one of `ranges`
/// (with its index) or outside all of them. Ranges are clamped to `outer`;
/// where ranges overlap, the earlier-starting one wins the overlap.
pub fn segments(outer: Span, ranges: &[Span]) -> Vec<(Span, Option<usize>)> {
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    order.sort_unstable_by_key(|&i| (ranges[i].start, core::cmp::Reverse(ranges[i].end), i));
    let mut out = Vec::new();
    let mut at = outer.start;
    for i in order {
        let start = ranges[i].start.max(at);
        let end = ranges[i].end.min(outer.end);
        if start >= end {
            continue;
        }
        if start > at {
            out.push((Span { start: at, end: start }, None));
        }
        out.push((Span { start, end }, Some(i)));
        at = end;
    }
    if at < outer.end {
        out.push((Span { start: at, end: outer.end }, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    #[test]
    fn pieces_cover_the_outer_span_in_order() {
        let got = segments(s(0, 20), &[s(12, 15), s(2, 5)]);
        assert_eq!(
            got,
            [(s(0, 2), None), (s(2, 5), Some(1)), (s(5, 12), None), (s(12, 15), Some(0)), (s(15, 20), None)]
        );
    }

    #[test]
    fn ranges_are_clamped_and_overlaps_go_to_the_first() {
        let got = segments(s(10, 20), &[s(5, 12), s(11, 18), s(30, 40)]);
        assert_eq!(got, [(s(10, 12), Some(0)), (s(12, 18), Some(1)), (s(18, 20), None)]);
        assert_eq!(segments(s(0, 0), &[s(0, 5)]), []);
    }
}
