//! One small sort for the whole crate.
//!
//! The standard library's sorts are fast but large (several kilobytes of WebAssembly per element
//! type and comparator), and Verbatim sorts only short lists (a paragraph's fingerprints, a few
//! candidates, the pieces of a batch's quotations). A heapsort is a few hundred bytes, runs in
//! O(n log n) on any input without allocating, and cannot panic. Most callers pack what they sort
//! into `u64` keys and call [`sort_u64`], so that one copy of the code serves them all; a caller
//! that needs a stable order makes its comparison total (by adding the original position).

/// Sorts `v` so that no element is `less` than the one before it (not stable).
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    // Build the heap, then move its top to the end one by one.
    for start in (0..n / 2).rev() {
        sift_down(v, start, n, &mut less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut less);
    }
}

fn sift_down<T>(v: &mut [T], mut node: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

/// Sorts `u64` keys ascending: the one instance most sorts of the crate share.
pub fn sort_u64(v: &mut [u64]) {
    sort_by(v, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in 0..200 {
            let mut v: Vec<u64> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed % 50
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_u64(&mut v);
            assert_eq!(v, expected);
        }
        let mut pairs = vec![(2, 'b'), (1, 'z'), (2, 'a'), (0, 'q')];
        sort_by(&mut pairs, |a, b| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1));
        assert_eq!(pairs, [(2, 'a'), (2, 'b'), (1, 'z'), (0, 'q')]);
    }
}
