/**
 * Process-kill fault tests of the whole pipeline (DESIGN §6, invariant 3, with 1, 2 and 4 checked after
 * each fault). Every test owns its PostgreSQL, its broker and its HubSpot simulator, and runs the
 * extractor, transformer and loader as OS processes from their packaged jars ({@code <module>/target/
 * <module>.jar}, found by {@link dev.hubspotetl.app.e2e.kill.RepoJars}: walking up from the working
 * directory, else {@code ETL_REPO_ROOT} or {@code -Detl.repo.root}). A 2,000-deal scan in 20-deal pages
 * at 5 list calls per second is hit once a few hundred deals are loaded, plus a random delay:
 * <ul>
 *   <li>{@code KillLoaderIT}, {@code KillTransformerIT}, {@code KillExtractorIT}: that stage SIGKILLed and
 *       started again (the extractor resumes from its checkpoint: no more list calls than pages + 2);</li>
 *   <li>{@code KillPostgresIT}: PostgreSQL stopped and started again on the same port and data directory;</li>
 *   <li>{@code KillBrokerIT}: the broker, its own process ({@link dev.hubspotetl.app.e2e.kill.KillBrokerMain}),
 *       SIGKILLed and started again on the same port and log directory.</li>
 * </ul>
 * Then: the scan {@code completed}, counters and success_rate exact, one row per deal with the
 * normalizer's values, each deal once on the read_committed deals topic, no dead letter. Stage logs:
 * {@code target/kill-logs}.
 */
package dev.hubspotetl.app.e2e.kill;
