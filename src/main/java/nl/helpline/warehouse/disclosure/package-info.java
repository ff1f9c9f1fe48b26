/**
 * Disclosure control for published count tables: primary rule, secondary suppression, exact audit.
 * Plain Java (no Spring, no SQL); the only dependency is ojAlgo for integer programs.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * DisclosureProblem p = DisclosureProblem.of(cells, relations, 5, false)      // this report
 *         .withEarlier(priorCells, neverPublishedCells, links)                // optional
 *         .withBounds(Bound.multiValued("total", phenomena, 1));              // multi-valued tables
 * SuppressionPattern pattern = SecondarySuppression.protect(p);              // or UnprotectableException
 * DisclosureAudit.audit(p, pattern).requirePassed();                         // or DisclosureViolationException
 * String shown = p.shown(pattern.status(id), count);                         // "37", "< 5" or "[c]"
 * }</pre>
 * The report layer suppresses a percentage wherever its count is suppressed, and must not write a
 * report whose audit fails; the exception's message names the cell.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Primary: a count in {@code 1..t-1} is shown as {@code < t}; zeros are shown as 0 unless
 *       zeros are sensitive, then {@code 0..t-1} is shown as {@code < t}. The primary rule wins over
 *       must-publish (a grand total of 3 is shown as {@code < 5}). The threshold is at least 3
 *       ({@code < 2} would state the count).</li>
 *   <li>Secondary: only counts {@code >= t} are shown as {@code [c]} ({@code [c]} tells the reader
 *       the count is at least t), never a grand total or a must-publish cell.</li>
 *   <li>What a reader knows: every published count, now and earlier; every declared relation
 *       {@code total = sum of parts} (declare only relations the data make true: multi-valued tables
 *       are not additive); every declared bound ({@link nl.helpline.warehouse.disclosure.Bound}):
 *       in a multi-valued table (phenomena, help questions, additional support) each category is at
 *       most the table's base, and the categories together are at least the base (every request has
 *       a value; a blank is UNKNOWN), at least base + 1 when the report's notes say the table adds
 *       up to more. Declare them for every multi-valued table, now and earlier: a reader knows them
 *       whether or not the engine does (base 20 with categories 8, 5, 6 and {@code < 5}, adding up
 *       to more, puts the last at 2..4). Counts are integers {@code >= 0}; the markers' ranges.</li>
 *   <li>Protected: every {@code < t} cell (now or earlier) keeps its whole range {@code lo..t-1}
 *       as exact integer minimum and maximum; a small never-published count (e.g. H2 = year - H1)
 *       keeps a range of at least as many values; no exactly derivable sum of hidden counts lies in
 *       {@code 1..t-1}. See {@link nl.helpline.warehouse.disclosure.DisclosureAudit}.</li>
 *   <li>Cost: fewest {@code [c]} cells, then smallest sum of their counts, then first positions in
 *       the cell order. See {@link nl.helpline.warehouse.disclosure.SecondarySuppression}.</li>
 * </ul>
 *
 * <h2>Derivable sums, decided exactly</h2>
 * A sum over a set U of hidden counts is derivable iff it is constant on the reader's integer
 * points, iff the 0/1 vector of U is orthogonal to the directions of their affine hull. The hull is
 * computed exactly (rational arithmetic on directions between verified integer points; an
 * implied equality is added when the solver finds no point off a hyperplane: that is also how a
 * bound that holds with equality at every point, e.g. a category that is the whole base, becomes
 * an equality), and the 0/1 vectors
 * orthogonal to it among counts {@code <= t-1} are enumerated through the free columns of an
 * echelon form, depth first, pruned where a pivot can no longer come out 0 or 1 or the count
 * exceeds {@code t-1} (a node budget beyond which the audit fails rather than guesses). When zeros are not sensitive and no never-published count is below t, the criterion
 * follows from the ranges of the {@code < t} cells and the search skips it (the audit still
 * checks it). See {@code DerivableSums}.
 *
 * <h2>Trust</h2>
 * Every point the solver returns is verified in exact integer arithmetic, against the relations,
 * the bounds and the markers. A pass is proved by such
 * points; only a "no such point" answer rests on the solver, and it is read on the safe side
 * (another secondary cell, or a failed audit). ojAlgo runs without Gomory cuts: with them it
 * wrongly answered "infeasible" on 3 in 1500 random small systems; without them it agreed with
 * enumeration on all of 35,000. The audit's bounds and verdicts agree with enumeration on 5,000
 * tiny random problems, and the search's pattern with exhaustive enumeration of all candidate
 * sets on 3,000; with bounds (tiny problems with a multi-valued table, some with earlier halves)
 * on 5,000 and 2,000 ({@code BoundsTest}, {@code -Ddisclosure.bounds.cases=5000
 * -Ddisclosure.bounds.optimality.cases=2000}).
 *
 * <h2>Tests</h2>
 * Property tests are seeded JUnit loops ({@code SuppressionPropertiesTest}; a failure names its
 * seed; sizes via {@code -Ddisclosure.properties.tries=N}). jqwik was not used: from 1.10 its
 * author asks that AI coding agents not use it, and its engine prints that request into test
 * output. Timings: {@code -Dtest=DisclosureBenchmark -Ddisclosure.benchmark=true}.
 */
package nl.helpline.warehouse.disclosure;
