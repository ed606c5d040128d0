package io.audiolens.worker.model.api;

/** A model's text tokenizer, as far as the lens needs it: label tokens and messages that name them. */
public interface TextTokenizer {

    /** Ids of ordinary text, without any special token added. */
    long[] encode(String text);

    /** The text of one token, for messages. */
    String decode(long id);

    /** The file it was read from, for messages. */
    String source();
}
