//! The map's shading classes: five classes over the distinct article counts
//! of the countries shown, so that one dominant country does not flatten
//! the rest.
//!
//! Classes by share of the largest count (equal intervals) hid every
//! difference but one when a country dominates: with one at 706 articles,
//! 79, 64 and a single mention all fell in "1–141". Here the distinct counts
//! are ranked and split into five equal runs, like quantiles but with equal
//! counts always in one class; the largest count is always in the top class,
//! and the legend gives each class's range.

/// The classes of one set of counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    /// The distinct counts above zero, ascending.
    values: Vec<u32>,
}

impl Classes {
    /// Classes for these counts (one per country; zeros are ignored).
    pub fn new(counts: &[u32]) -> Classes {
        let mut values: Vec<u32> = counts.iter().copied().filter(|&c| c > 0).collect();
        values.sort_unstable();
        values.dedup();
        Classes { values }
    }

    /// The class of a count: 0 for none, else 1 to 5, the largest count 5.
    pub fn of(&self, count: u32) -> u32 {
        let d = self.values.len();
        if count == 0 || d == 0 {
            return 0;
        }
        let rank = match self.values.binary_search(&count) {
            Ok(i) => i,
            Err(i) => i.min(d - 1),
        };
        (5 - ((d - 1 - rank) * 5) / d) as u32
    }

    /// Each class in use with its range of counts, for the legend:
    /// `(class, lowest, highest)`, ascending.
    pub fn legend(&self) -> Vec<(u32, u32, u32)> {
        let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
        for &v in &self.values {
            let class = self.of(v);
            match ranges.last_mut() {
                Some((k, _, high)) if *k == class => *high = v,
                _ => ranges.push((class, v, v)),
            }
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_dominant_country_leaves_the_others_apart() {
        // One country in nearly every article, a few often, many once.
        let counts: [u32; 16] = [706, 79, 64, 59, 12, 8, 5, 3, 2, 1, 1, 1, 1, 1, 0, 0];
        let classes = Classes::new(&counts);
        assert_eq!(classes.of(706), 5);
        assert_eq!(classes.of(0), 0);
        assert!(classes.of(79) > classes.of(5) && classes.of(5) > classes.of(1), "{:?}", classes.legend());
        // Equal intervals put all these in the lowest class.
        assert!([79u32, 64, 59, 12, 1].iter().all(|&c| (c * 5).div_ceil(706) == 1));
    }

    #[test]
    fn the_legend_gives_each_class_in_use_its_rising_range() {
        let classes = Classes::new(&[10, 1, 1, 1, 1, 2, 3, 4, 5, 6]);
        let legend = classes.legend();
        assert_eq!(legend.first().map(|l| (l.0, l.1)), Some((1, 1)));
        assert_eq!(legend.last().map(|l| (l.0, l.2)), Some((5, 10)));
        assert!(legend.windows(2).all(|w| w[0].2 < w[1].1 && w[0].0 < w[1].0), "{legend:?}");
    }

    #[test]
    fn few_countries_still_put_the_largest_on_top() {
        assert_eq!(Classes::new(&[0, 0]).of(3), 0);
        assert!(Classes::new(&[0, 0]).legend().is_empty());
        assert_eq!(Classes::new(&[3]).of(3), 5);
        let two = Classes::new(&[1, 9]);
        assert_eq!((two.of(9), two.of(1) < 5), (5, true));
    }
}
