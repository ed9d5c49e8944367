package io.github.lrabench.api;

/**
 * A provider found by {@link ModelRegistry}, with where it came from.
 *
 * @param provider the provider instance
 * @param origin {@code "class path"} or the path of the plugin jar that holds it
 * @param classLoader the class loader that loaded it (a plugin jar has its own)
 */
public record RegisteredProvider(SequenceClassifierProvider provider, String origin, ClassLoader classLoader) {}
