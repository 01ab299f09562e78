/**
 * Errors at the edge: handlers throw {@link org.instantfeedback.service.problem.ProblemException}s,
 * and one {@link org.instantfeedback.service.problem.ProblemMapper} per service answers them as RFC
 * 9457 {@code application/problem+json} documents whose types are
 * {@code urn:instantfeedback:problem:<slug>}.
 */
package org.instantfeedback.service.problem;
