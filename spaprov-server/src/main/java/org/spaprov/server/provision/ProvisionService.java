package org.spaprov.server.provision;

/**
 * Serves every file a device asks for (profiles, bootstrap profiles, firmware under
 * {@code /firmware/}): throttle, identify, name, resolve the device, build, validate, encode, cache.
 * Thread-safe; never throws for bad input (the result carries the status and reason); each call
 * records one event.
 */
@FunctionalInterface
public interface ProvisionService {
    ProvisionResult handle(ProvisionRequest request);
}
