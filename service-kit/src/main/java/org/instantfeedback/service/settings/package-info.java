/**
 * Settings declared once: each service lists its {@link org.instantfeedback.service.settings.Setting}s,
 * reads its configuration record through them, and the docs are held against the same list.
 */
package org.instantfeedback.service.settings;
