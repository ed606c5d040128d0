package io.audiolens.worker.model.api;

/** What a model that transcribes its audio (DeSTA2's Whisper) wrote: the text and its ids without special tokens. */
public record Transcript(String text, long[] ids) {}
