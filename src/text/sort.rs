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
        swap(v, 0, end);
        sift_down(v, 0, end, &mut less);
    }
}

fn sift_down<T>(v: &mut [T], mut node: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    // `get` rather than indexing: the indices are always in bounds, but the compiler cannot see
    // it, and each index would carry a panic path into the module.
    let heap = v.get_mut(..end).unwrap_or_default();
    loop {
        let mut child = 2 * node + 1;
        let Some(first) = heap.get(child) else {
            return;
        };
        if heap
            .get(child + 1)
            .is_some_and(|second| less(first, second))
        {
            child += 1;
        }
        match (heap.get(node), heap.get(child)) {
            (Some(parent), Some(larger)) if less(parent, larger) => swap(heap, node, child),
            _ => return,
        }
        node = child;
    }
}

/// Swaps `v[a]` and `v[b]` for `a < b`, without a panic path.
fn swap<T>(v: &mut [T], a: usize, b: usize) {
    if let Some([first, .., last]) = v.get_mut(a..=b) {
        std::mem::swap(first, last);
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
