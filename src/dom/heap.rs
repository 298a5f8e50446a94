//! The WebAssembly build's memory allocator, in place of the standard library's dlmalloc (8 KB of
//! the module for a few hundred bytes here).
//!
//! Blocks come in power-of-two sizes from 8 bytes up, each size with a free list of its own; a
//! block freed is pushed on its list and handed out again for the next request of its size, so
//! every operation takes constant time. New blocks are cut from the end of memory, which grows as
//! needed. Blocks are 16-byte aligned (8 for the 8-byte size), enough for every type the crate and
//! wasm-bindgen allocate; a larger alignment is refused (an allocation error, never a wrong
//! address). The cost is memory: a request is rounded up to a power of two and blocks are not
//! merged, so a page keeps at most a few times what it uses at its peak. The module runs on one
//! thread (no `atomics` target feature), so the state needs no lock.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::{self, null_mut};

const PAGE: usize = 65536;
const MAX_ALIGN: usize = 16;

struct Heap {
    /// Per size class `k` (blocks of `1 << k` bytes): the first free block; each free block holds
    /// the address of the next (0 ends the list).
    free: UnsafeCell<[usize; 32]>,
    /// The first byte not yet handed out, and the end of memory (0 before the first allocation).
    top: UnsafeCell<usize>,
    end: UnsafeCell<usize>,
}

// One thread only: see the module's note.
unsafe impl Sync for Heap {}

#[global_allocator]
static HEAP: Heap = Heap {
    free: UnsafeCell::new([0; 32]),
    top: UnsafeCell::new(0),
    end: UnsafeCell::new(0),
};

/// The size class of `layout`: the smallest `k` with `1 << k` at least its size, its alignment
/// and 8 (room for the free list's link).
fn class(layout: &Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(&layout);
        if k >= 32 || layout.align() > MAX_ALIGN {
            return null_mut();
        }
        let free = &mut *self.free.get();
        let head = free[k];
        if head != 0 {
            free[k] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << k;
        let align = size.min(MAX_ALIGN);
        let (top, end) = (&mut *self.top.get(), &mut *self.end.get());
        if *end == 0 {
            *end = wasm32::memory_size(0).saturating_mul(PAGE);
            *top = *end;
        }
        loop {
            let start = (*top + align - 1) & !(align - 1);
            let Some(next) = start.checked_add(size) else {
                return null_mut();
            };
            if next <= *end {
                *top = next;
                return start as *mut u8;
            }
            let pages = (next - *end).div_ceil(PAGE);
            let old = wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return null_mut();
            }
            if old * PAGE != *end {
                // memory grown by someone else: carry on in the new pages
                *top = old * PAGE;
            }
            *end = (old + pages) * PAGE;
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let free = &mut *self.free.get();
        let k = class(&layout);
        *(ptr as *mut usize) = free[k];
        free[k] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(&new_layout) == class(&layout) {
            return ptr;
        }
        let new = self.alloc(new_layout);
        if !new.is_null() {
            ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
