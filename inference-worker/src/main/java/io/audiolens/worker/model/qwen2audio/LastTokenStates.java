package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The last token's residual stream for every variant computed in one batch: row 0 is the plain prompt,
 * then (if asked) the audio-masked row, then one row per enrichment. A row is computed only from the
 * first layer where it differs from the plain row; earlier layers are the plain row's.
 */
public final class LastTokenStates {
    private final List<NDArray> layerOutputs; // per layer l: (N_l, D), rows in join order
    private final int[] startLayer;           // per row: first layer computed for it
    private final NDArray[] edited;           // per row: h^{start-1} after its edit, or null
    private final int audioMaskedRow;
    private final int[] enrichmentRows;       // caller's enrichment i -> row

    LastTokenStates(List<NDArray> layerOutputs, int[] startLayer, NDArray[] edited, int audioMaskedRow,
            int[] enrichmentRows) {
        this.layerOutputs = layerOutputs;
        this.startLayer = startLayer;
        this.edited = edited;
        this.audioMaskedRow = audioMaskedRow;
        this.enrichmentRows = enrichmentRows;
    }

    public int layers() {
        return layerOutputs.size();
    }

    /** h^l of the plain prompt's last token, (D). */
    public NDArray plain(int layer) {
        return residual(0, layer);
    }

    /** h^l of the last token with audio removed from its attention in every layer, (D). */
    public NDArray audioMasked(int layer) {
        if (audioMaskedRow < 0) {
            throw new IllegalStateException("the audio-masked variant was not requested");
        }
        return residual(audioMaskedRow, layer);
    }

    /** h^l of the last token under the caller's i-th enrichment, (D). */
    public NDArray enriched(int enrichment, int layer) {
        return residual(enrichmentRows[enrichment], layer);
    }

    private NDArray residual(int row, int layer) {
        if (layer < startLayer[row] - 1) {
            return residual(0, layer);
        }
        if (layer == startLayer[row] - 1) {
            return edited[row];
        }
        return layerOutputs.get(layer - 1).get(row);
    }
}
