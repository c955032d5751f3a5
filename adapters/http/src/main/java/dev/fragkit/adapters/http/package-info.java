/** A small embeddable HTTP server exposing the cores. */
@NullMarked
package dev.fragkit.adapters.http;

import org.jspecify.annotations.NullMarked;
