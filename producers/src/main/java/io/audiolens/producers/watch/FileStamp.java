package io.audiolens.producers.watch;

/** What tells one version of a file from another without reading it: its size and modification time. */
record FileStamp(long size, long modifiedMillis) {
}
