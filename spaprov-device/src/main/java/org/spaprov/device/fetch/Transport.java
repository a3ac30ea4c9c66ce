package org.spaprov.device.fetch;

/** Downloads one file. Blocking; thread-safe; never throws (failures are results). */
@FunctionalInterface
public interface Transport {
    FetchResult fetch(FetchRequest request);
}
