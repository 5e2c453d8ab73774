package org.uapispec.features.support;

import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cucumber's object factory for this module: one instance of each glue class per scenario, built
 * through its only public constructor, whose parameters are themselves scenario-scoped instances
 * (so every step class receives the same {@link World}). It replaces cucumber-picocontainer, which
 * does not resolve at 7.34.8 here; it is chosen by {@code cucumber.object-factory}.
 */
public final class ScenarioObjectFactory implements ObjectFactory {
    private final Set<Class<?>> glue = new HashSet<>();
    private final Map<Class<?>, Object> instances = new HashMap<>();

    @Override
    public void start() {
        instances.clear();
    }

    @Override
    public void stop() {
        instances.clear();
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        glue.add(glueClass);
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        Object existing = instances.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = create(type);
        instances.put(type, created);
        return created;
    }

    private <T> T create(Class<T> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " needs exactly one public constructor, has "
                    + constructors.length);
        }
        Constructor<?> constructor = constructors[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] parameters = constructor.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = getInstance(parameters[i]);
        }
        try {
            return type.cast(constructor.newInstance(arguments));
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + type.getName() + " failed", e.getCause());
        }
    }
}
