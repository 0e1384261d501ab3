package dev.taxiscale.ingest;

/**
 * A run of whole lines from a file.
 *
 * @param firstLine the 1-based physical line number of the block's first line (the header is 1)
 * @param length bytes of {@code data} that belong to the block
 */
record Block(byte[] data, int length, long firstLine) {}
