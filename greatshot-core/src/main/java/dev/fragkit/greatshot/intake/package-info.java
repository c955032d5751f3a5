/**
 * Upload policy: {@link dev.fragkit.greatshot.intake.DemoIntake} streams an upload into storage while
 * enforcing {@link dev.fragkit.greatshot.intake.IntakeConfig}, and rejects bad uploads with a subclass of
 * {@link dev.fragkit.greatshot.intake.UploadRejectedException} whose {@code code()} an HTTP adapter maps to a status.
 */
@NullMarked
package dev.fragkit.greatshot.intake;

import org.jspecify.annotations.NullMarked;
