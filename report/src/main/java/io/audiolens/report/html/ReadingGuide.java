package io.audiolens.report.html;

/** The "how to read this" text of each section: trusted HTML, written here, never from metrics.json. */
final class ReadingGuide {

    static final String INFORMATION_SCORE = """
            One chart per model × attribute, one line per prompt format (P1: the assistant's answer prefix only; \
            P2: a question, then the prefix; P3: P2 plus the list of options). The height at layer <i>l</i> is the \
            information score <i>I<sup>l</sup></i>: the fraction of samples whose true label is the likeliest of the labels when \
            the Logit Lens reads the last prompt token after layer <i>l</i>. The grey dashed line is chance, 1/|Y|. \
            A dotted vertical line marks a prompt's critical layer ℓ* (Eq. 4): the centre of mass of the score \
            above 1.2× chance, i.e. where the attribute becomes readable. The value at the last layer is the \
            model's own accuracy.""";

    static final String CORRECTNESS = """
            The same score, computed separately over the samples the model answered correctly (green) and \
            wrongly (red, dashed), pooled over the prompts. In the paper, correctly answered samples gain \
            information with depth, while wrongly answered ones peak in the middle layers and then lose it: \
            the model had the attribute and let it go. A red curve above chance mid-way that falls back by the \
            last layer is that pattern.""";

    static final String VIEWS = """
            Where the information travels. <em>last</em>: the last prompt token, as in Figure 2. <em>penultimate</em>: the \
            token before it, the attribute word. <em>last_audio_masked</em>: the last token with the audio positions \
            masked out of its attention in every layer, so it can learn about the sound only through other \
            positions. If masking pulls the curve down to chance, the last token was reading the attribute \
            straight from the audio; if the curve holds up, the information had already been gathered into \
            the text positions. Curves are pooled over the prompts.""";

    static final String TABLES = """
            Table II gives, per model and attribute (view last), the critical layer ℓ* averaged over the \
            prompts where it is defined, and the accuracy averaged over the prompts. Table III correlates the \
            two across every attribute × prompt of a model (Pearson r with its p-value), with and without \
            gender. A negative r means: attributes that become readable at earlier layers are answered more \
            accurately. <em>points</em> counts the (ℓ*, accuracy) pairs with a defined ℓ*.""";

    static final String ENRICHMENT = """
            Enrichment (Eq. 5) adds λ times the residual stream of a source layer ℓ̄ (where the wrongly \
            answered probe samples carried the most information) to layer ℓ̄ + k, at the last token only, and \
            lets the remaining layers run (the paper's k = 5 is for 32 layers; by default k keeps that share of \
            the depth, and each figure names its source and target layer). The red line is the test accuracy \
            per λ; λ = 0 is the unmodified model (black dotted line). The grey band is the baseline that \
            draws a random source layer per sample: mean ± one standard deviation over seeds. A red line above the band at some λ > 0 means \
            the chosen layer holds information that later layers lost, and putting it back helps.""";

    static final String NO_ENRICHMENT = """
            <code>metrics.json</code> has no enrichment entry, so this run has no Figure 5. Enrichment is requested once an \
            attribute's probe set is complete, and it needs a worker to run the λ sweep on the test set.""";

    private ReadingGuide() {}
}
