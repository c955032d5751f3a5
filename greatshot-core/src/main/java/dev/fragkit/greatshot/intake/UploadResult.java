package dev.fragkit.greatshot.intake;

import dev.fragkit.greatshot.store.DemoRecord;

/** An accepted upload: the new demo ({@code created}) or the existing one with the same SHA-256. Immutable. */
public record UploadResult(DemoRecord demo, boolean created) {}
