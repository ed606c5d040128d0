package io.audiolens.worker.model.common;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.runtime.Constants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bookkeeping of one last-token batch: which row is the plain prompt, which the audio-masked one,
 * which each enrichment, and from which layer each row is computed. Rows run in the order they join: the
 * plain and audio-masked rows from layer 1, an enrichment from the layer after its target (it joins as
 * {@code h^target + λ·h^source} of the plain row), so a row keeps its index once it has joined. Before
 * a row joins, its residuals are the plain row's. D width.
 */
final class LastTokenBatch implements LastTokenStates {

    enum Kind { PLAIN, AUDIO_MASKED, ENRICHED }

    /** One row: its kind, the caller's enrichment index (or −1), its enrichment (or null), its first layer. */
    record Row(Kind kind, int enrichmentIndex, Enrichment enrichment, int startLayer) {
        boolean masksAudio() {
            return kind == Kind.AUDIO_MASKED;
        }
    }

    private final List<Row> rows;                              // in join order
    private final List<NDArray> outputs = new ArrayList<>();   // per layer l: (N_l, D)
    private final NDArray[] edited;                            // per row: h^{start−1} after its edit, or null

    private LastTokenBatch(List<Row> rows) {
        this.rows = rows;
        this.edited = new NDArray[rows.size()];
    }

    static LastTokenBatch plan(LastTokenVariants variants) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.PLAIN, -1, null, 1));
        if (variants.audioMasked()) {
            rows.add(new Row(Kind.AUDIO_MASKED, -1, null, 1));
        }
        List<Row> enriched = new ArrayList<>();
        for (int i = 0; i < variants.enrichments().size(); i++) {
            Enrichment e = variants.enrichments().get(i);
            enriched.add(new Row(Kind.ENRICHED, i, e, e.targetLayer() + 1));
        }
        enriched.sort(Comparator.comparingInt(Row::startLayer));
        rows.addAll(enriched);
        return new LastTokenBatch(List.copyOf(rows));
    }

    /** The rows computed from layer 1 on. */
    int rowsFromTheStart() {
        return (int) rows.stream().filter(r -> r.startLayer() == 1).count();
    }

    /** Rows whose first computed layer is {@code layer}: they join the batch before it runs. */
    List<Row> joiningAt(int layer) {
        return rows.stream().filter(r -> r.startLayer() == layer && r.kind() == Kind.ENRICHED).toList();
    }

    /** Whether each row that runs layer {@code layer} masks the audio, in row order. */
    List<Boolean> masksAudioAt(int layer) {
        return rows.stream().filter(r -> r.startLayer() <= layer).map(Row::masksAudio).toList();
    }

    /** Eq. 5 for a joining row: h^{target} + λ·h^{source}, both of the plain row, (D). */
    NDArray edit(Row row) {
        Enrichment e = row.enrichment();
        NDArray result = plain(e.targetLayer()).add(Constants.times(plain(e.sourceLayer()), e.lambda()));
        edited[rows.indexOf(row)] = result;
        return result;
    }

    /** Keeps the batch's output of layer {@code layer}: (N_l, D), rows in join order. */
    void record(int layer, NDArray output) {
        if (outputs.size() != layer - 1) {
            throw new IllegalStateException("layer " + layer + " recorded after " + outputs.size() + " layers");
        }
        outputs.add(output);
    }

    /** Applies the edits of rows that target the last layer: their edit is their final state. */
    void finish() {
        rows.stream().filter(r -> r.startLayer() == layers() + 1).forEach(this::edit);
    }

    @Override
    public int layers() {
        return outputs.size();
    }

    @Override
    public NDArray plain(int layer) {
        return residual(0, layer);
    }

    @Override
    public NDArray audioMasked(int layer) {
        return residual(indexOf(Kind.AUDIO_MASKED, -1, "the audio-masked variant was not requested"), layer);
    }

    @Override
    public NDArray enriched(int enrichment, int layer) {
        return residual(indexOf(Kind.ENRICHED, enrichment, "there is no enrichment " + enrichment + "; "
                + rows.stream().filter(r -> r.kind() == Kind.ENRICHED).count() + " were requested"), layer);
    }

    private int indexOf(Kind kind, int enrichmentIndex, String missing) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == kind && rows.get(i).enrichmentIndex() == enrichmentIndex) {
                return i;
            }
        }
        throw new IllegalArgumentException(missing);
    }

    private NDArray residual(int row, int layer) {
        int start = rows.get(row).startLayer();
        if (layer < start - 1) {
            return residual(0, layer);
        }
        if (layer == start - 1) {
            return edited[row];
        }
        return outputs.get(layer - 1).get(row);
    }
}
