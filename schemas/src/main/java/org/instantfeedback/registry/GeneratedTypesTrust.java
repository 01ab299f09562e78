package org.instantfeedback.registry;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro load the classes that avro-maven-plugin generates. Since Avro 1.11.4 only trusted
 * classes may be loaded by name from a schema, to stop a hostile schema from instantiating
 * arbitrary classes. Generated records, enums and fixed types are plain data holders, so we add
 * them to whatever the JVM already trusts ({@code org.apache.avro.SERIALIZABLE_PACKAGES} still
 * works) instead of asking every operator to set a system property.
 */
final class GeneratedTypesTrust {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private GeneratedTypesTrust() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            ClassSecurityPredicate generated = type -> SpecificRecord.class.isAssignableFrom(type)
                    || GenericEnumSymbol.class.isAssignableFrom(type)
                    || GenericFixed.class.isAssignableFrom(type);
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), generated));
        }
    }
}
