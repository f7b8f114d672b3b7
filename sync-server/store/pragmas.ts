/**
 * Read settings of every connection to the store's database. Memory-mapped reads
 * spare a copy and a system call per page the page cache does not hold: at
 * 1,000,000 initiatives the database (≈ 650 MB) is forty times the default
 * 16 MB cache, so nearly every proximity query reads pages from the OS, and
 * the mapping cut its CPU time by a tenth to a third (bench/RESULTS.md).
 * Mapped pages are the OS's file cache, shared and reclaimable, not heap.
 */
import type Database from 'better-sqlite3';

/** Bytes of the database file read through the mapping; past it, reads go through the page cache. */
export const MMAP_BYTES = 2 ** 30;

/** Applies the read settings to a freshly opened connection. */
export function tuneReads(sqlite: Database.Database): void {
	sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
}
