package io.audiolens.producers.publish;

/** Told about each clip handled (sent or rejected) and about the end of a run. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void advance() {
        }

        @Override
        public void finish() {
        }
    };

    void advance();

    void finish();
}
