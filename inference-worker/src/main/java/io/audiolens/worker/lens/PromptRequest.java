package io.audiolens.worker.lens;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;

/** One prompt (attribute, P1–P3) about one open clip, as {@link LensRuntime#analyze(java.util.List)} takes it. */
public record PromptRequest(ClipSession clip, Attribute attribute, PromptFormat format) {}
