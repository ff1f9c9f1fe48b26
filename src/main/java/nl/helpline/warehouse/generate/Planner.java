package nl.helpline.warehouse.generate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.helpline.warehouse.generate.Vocabulary.Channel;
import nl.helpline.warehouse.generate.Vocabulary.FollowUp;
import nl.helpline.warehouse.generate.Vocabulary.HelpQuestion;
import nl.helpline.warehouse.generate.Vocabulary.Phenomenon;
import nl.helpline.warehouse.generate.Vocabulary.RequesterType;
import nl.helpline.warehouse.generate.Vocabulary.Status;
import nl.helpline.warehouse.generate.Vocabulary.Support;
import nl.helpline.warehouse.generate.Vocabulary.WorkDomain;

/**
 * Decides, per request and from (seed, index) alone, what happened to it: its attributes, its
 * life from registration to closure, which versions were exported, and into which files.
 *
 * <p>The shares below follow the 2024-H1 infographic where it gives figures (requester, first
 * contact, follow-up) and plausible guesses where it only shows a chart (work domains,
 * phenomena, help questions, support types).
 */
final class Planner {

    /** The chat service went live in April 2024 (infographic); no chat contacts before. */
    static final LocalDate CHAT_LIVE = LocalDate.of(2024, 4, 1);
    /** Share of contacts by chat once it is live; a modest newcomer. */
    static final double CHAT_SHARE = 0.10;

    /** Infographic: 69% professionals among the (non-chat) requests. */
    static final double PROFESSIONAL_SHARE = 0.69;
    /** The anonymous chat draws mostly citizens; a guess, kept apart so the non-chat 69% holds. */
    static final double PROFESSIONAL_SHARE_CHAT = 0.25;

    /** Infographic: 65% phone, 30% e-mail, 5% other (in person or otherwise). */
    static final Weights<Channel> CHANNELS = Weights.of(
            Channel.PHONE, 65, Channel.EMAIL, 30, Channel.IN_PERSON, 3, Channel.OTHER, 2);

    /** Infographic names security, education and care first; the rest is a guess. */
    static final Weights<WorkDomain> WORK_DOMAINS = Weights.of(
            WorkDomain.SECURITY, 24, WorkDomain.EDUCATION, 22, WorkDomain.CARE, 16, WorkDomain.SOCIAL, 12,
            WorkDomain.MUNICIPALITY, 11, WorkDomain.YOUTH, 9, WorkDomain.OTHER, 6);
    /** Professionals whose row leaves Werkterrein blank; the reader loads them as UNKNOWN. */
    static final double BLANK_WORK_DOMAIN = 0.02;

    /** How many phenomena a request touches; 0 leaves the column blank (unknown). */
    static final Weights<Integer> PHENOMENON_COUNT = Weights.of(0, 12, 1, 60, 2, 22, 3, 6);
    static final Weights<Phenomenon> PHENOMENA = Weights.of(
            Phenomenon.RIGHT_WING, 24, Phenomenon.JIHADISM, 22, Phenomenon.MIXED, 20, Phenomenon.CONSPIRACY, 13,
            Phenomenon.ANTI_INSTITUTIONAL, 10, Phenomenon.OTHER, 7, Phenomenon.LEFT_WING, 4);

    static final Weights<Integer> HELP_QUESTION_COUNT = Weights.of(0, 4, 1, 52, 2, 34, 3, 10);
    /** Infographic: the three most common questions, in this order. */
    static final Weights<HelpQuestion> HELP_QUESTIONS = Weights.of(
            HelpQuestion.IS_CONCERNING, 38, HelpQuestion.STAY_IN_CONTACT, 26, HelpQuestion.HELP_OR_REFER, 22,
            HelpQuestion.INFORMATION, 9, HelpQuestion.OTHER, 5);

    /** Infographic: 67% consultation, 33% additional support. */
    static final double CONSULTATION_SHARE = 0.67;
    static final Weights<Integer> SUPPORT_COUNT = Weights.of(1, 80, 2, 17, 3, 3);
    static final Weights<Support> SUPPORTS = Weights.of(
            Support.FORSA, 35, Support.FAMILY, 30, Support.MENTAL_HEALTH, 20, Support.LIV, 15);
    static final double BLANK_CONVERSATIONS = 0.06;

    /** Requests still open long after coming in (waiting lists, long trajectories). */
    static final double STAYS_OPEN_SHARE = 0.04;
    /** Days from coming in to closure: most within 0..60, a tail beyond. Index = bucket. */
    static final Weights<Integer> CLOSURE_BUCKET = Weights.of(0, 35, 1, 35, 2, 25, 3, 5);
    private static final int[][] CLOSURE_DAYS = {{0, 3}, {4, 21}, {22, 60}, {61, 120}};

    /** Versions of a versioned request (versionRate decides whether it is versioned at all). */
    static final Weights<Integer> VERSION_COUNT = Weights.of(2, 65, 3, 25, 4, 10);
    /** Chance that the next version of a request lands in the next file rather than the same one. */
    static final double NEXT_FILE = 0.85;
    /** Versioned requests of which an older version is delivered again after the newest one. */
    static final double OUT_OF_ORDER_SHARE = 0.06;
    /** Two versions in one file written newest first. */
    static final double REVERSED_IN_FILE = 0.3;

    private final GeneratorSpec spec;
    private final long days;
    private final LocalDateTime start;
    private final LocalDateTime exportMoment;
    private final long spanSeconds;

    Planner(GeneratorSpec spec) {
        this.spec = spec;
        this.days = ChronoUnit.DAYS.between(spec.from(), spec.to()) + 1;
        this.start = spec.from().atStartOfDay();
        this.exportMoment = spec.to().atTime(23, 59, 59);
        this.spanSeconds = Duration.between(start, exportMoment).getSeconds() + 1;
    }

    /** Versions after this have not happened when the files are exported. */
    LocalDateTime exportMoment() {
        return exportMoment;
    }

    /**
     * Requests come in evenly over the period in index order, so that request numbers rise with
     * the date as they do in the case system.
     */
    LocalDate receivedDate(long index) {
        return spec.from().plusDays(Math.floorDiv(index * days, spec.requests()));
    }

    /** {@code HAL-<year received>-<sequence within that year>}, six digits or more. */
    String requestNumber(long index, LocalDate received) {
        LocalDate yearStart = received.withDayOfYear(1);
        long offset = Math.max(0, ChronoUnit.DAYS.between(spec.from(), yearStart));
        long firstOfYear = Math.floorDiv(offset * spec.requests() + days - 1, days);
        return requestNumber(received.getYear(), index - firstOfYear + 1);
    }

    static String requestNumber(int year, long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder sb = new StringBuilder(16).append("HAL-").append(year).append('-');
        for (int i = digits.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    RequestPlan plan(long index) {
        LocalDate received = receivedDate(index);
        return plan(index, requestNumber(index, received), received, new Rng(spec.seed(), index, Rng.Stream.PLAN));
    }

    private enum Outcome { CLOSES, WITHDRAWN, STAYS_OPEN }

    /** A request's whole life, cut off at the moment of export. Also used as the base of bad rows. */
    RequestPlan plan(long index, String requestNumber, LocalDate received, Rng rng) {
        // What the request is about: fixed from the first contact on.
        boolean chat = !received.isBefore(CHAT_LIVE) && rng.chance(CHAT_SHARE);
        Channel channel = chat ? Channel.CHAT : CHANNELS.draw(rng);
        RequesterType type = rng.chance(chat ? PROFESSIONAL_SHARE_CHAT : PROFESSIONAL_SHARE)
                ? RequesterType.PROFESSIONAL : RequesterType.CITIZEN;
        WorkDomain domain = null;
        if (type == RequesterType.PROFESSIONAL) {
            boolean blank = rng.chance(BLANK_WORK_DOMAIN);
            WorkDomain drawn = WORK_DOMAINS.draw(rng);
            domain = blank ? null : drawn;
        }
        List<Phenomenon> phenomena = PHENOMENA.drawDistinct(rng, PHENOMENON_COUNT.draw(rng));
        List<HelpQuestion> questions = HELP_QUESTIONS.drawDistinct(rng, HELP_QUESTION_COUNT.draw(rng));

        // How it ends (if it ends before the export).
        double u = rng.nextDouble();
        Outcome outcome = u < spec.withdrawnRate() ? Outcome.WITHDRAWN
                : u < spec.withdrawnRate() + STAYS_OPEN_SHARE ? Outcome.STAYS_OPEN : Outcome.CLOSES;
        FollowUp followUp = rng.chance(CONSULTATION_SHARE) ? FollowUp.CONSULTATION : FollowUp.ADDITIONAL;
        List<Support> support = followUp == FollowUp.ADDITIONAL
                ? SUPPORTS.drawDistinct(rng, SUPPORT_COUNT.draw(rng)) : List.of();
        // Consultation is "advice in one to three conversations" (infographic); support takes more.
        Integer conversations = rng.chance(BLANK_CONVERSATIONS) ? null
                : followUp == FollowUp.CONSULTATION ? rng.between(1, 3) : rng.between(3, 12);

        LocalDateTime registered = received.atTime(8, 0).plusMinutes(rng.nextInt(10 * 60));
        LocalDate endDate = switch (outcome) {
            case CLOSES -> {
                int[] range = CLOSURE_DAYS[CLOSURE_BUCKET.draw(rng)];
                yield received.plusDays(rng.between(range[0], range[1]));
            }
            case WITHDRAWN -> received.plusDays(rng.between(0, 14));
            case STAYS_OPEN -> received.plusDays(rng.between(0, 90));
        };
        LocalDateTime end = endDate.atTime(8, 0).plusMinutes(rng.nextInt(10 * 60));
        if (end.isBefore(registered.plusMinutes(5))) {
            end = registered.plusMinutes(rng.between(5, 240));
        }

        int count = rng.chance(spec.versionRate()) ? VERSION_COUNT.draw(rng) : 1;
        List<LocalDateTime> times = versionTimes(rng, registered, end, count);

        Status finalStatus = switch (outcome) {
            case CLOSES -> Status.CLOSED;
            case WITHDRAWN -> Status.WITHDRAWN;
            case STAYS_OPEN -> count > 1 || rng.chance(0.75) ? Status.IN_PROGRESS : Status.OPEN;
        };

        // Earlier versions knew less: prefixes of the final lists, fewer conversations.
        int[] phenomenaKnown = growing(rng, phenomena.size(), count);
        int[] questionsKnown = growing(rng, questions.size(), count);
        Integer[] conversationsHeld = new Integer[count];
        conversationsHeld[count - 1] = finalStatus == Status.CLOSED || conversations == null
                ? conversations : Integer.valueOf(Math.min(conversations, rng.between(0, 2)));
        for (int j = count - 2; j >= 0; j--) {
            Integer next = conversationsHeld[j + 1];
            conversationsHeld[j] = next == null ? null : Integer.valueOf(rng.between(0, next));
        }
        // Now and then the work domain is only filled in later: the latest version must win.
        boolean domainFilledLater = domain != null && count > 1 && rng.chance(0.1);

        List<Version> versions = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            boolean last = j == count - 1;
            Status status = last ? finalStatus : j == 0 && rng.chance(0.6) ? Status.OPEN : Status.IN_PROGRESS;
            Version v = new Version(times.get(j), status, null, channel, type,
                    domainFilledLater && j == 0 ? null : domain,
                    phenomena.subList(0, phenomenaKnown[j]), questions.subList(0, questionsKnown[j]),
                    null, List.of(), conversationsHeld[j]);
            if (status == Status.CLOSED) {
                v = v.closedOn(endDate, followUp, support);
            }
            versions.add(v);
        }

        // Cut off at the moment of export: what has not happened yet is not in any file.
        versions.removeIf(v -> v.lastModified().isAfter(exportMoment));
        if (versions.isEmpty()) {
            // Its only version would come after the export: it is exported as it stood on registration.
            Status status = rng.chance(0.3) ? Status.OPEN : Status.IN_PROGRESS;
            versions.add(new Version(withSeconds(rng, registered), status, null, channel, type, domain,
                    phenomena.subList(0, phenomenaKnown[0]), questions.subList(0, questionsKnown[0]),
                    null, List.of(), conversationsHeld[0] == null ? null : Math.min(conversationsHeld[0], 1)));
        }
        return new RequestPlan(index, requestNumber, received, versions);
    }

    /**
     * Strictly increasing timestamps, at least a minute apart, so that no two versions share a
     * {@code Laatst gewijzigd} even when written without seconds. One version: the end state.
     * Versions in between fall in office hours when they can.
     */
    private static List<LocalDateTime> versionTimes(Rng rng, LocalDateTime first, LocalDateTime last, int count) {
        List<LocalDateTime> minutes = new ArrayList<>(count);
        if (count == 1) {
            minutes.add(last);
        } else {
            minutes.add(first);
            minutes.addAll(between(rng, first, last, count - 2));
            minutes.add(last);
        }
        List<LocalDateTime> times = new ArrayList<>(count);
        for (LocalDateTime t : minutes) {
            times.add(withSeconds(rng, t));
        }
        return times;
    }

    /** {@code count} whole-minute times strictly between two whole-minute times at least {@code count + 1} minutes apart. */
    private static List<LocalDateTime> between(Rng rng, LocalDateTime first, LocalDateTime last, int count) {
        int days = (int) ChronoUnit.DAYS.between(first.toLocalDate(), last.toLocalDate());
        List<LocalDateTime> office = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            office.add(first.toLocalDate().plusDays(rng.nextInt(days + 1)).atTime(8, 0).plusMinutes(rng.nextInt(10 * 60)));
        }
        office.sort(null);
        boolean fits = true;
        LocalDateTime previous = first;
        for (LocalDateTime t : office) {
            fits &= t.isAfter(previous);
            previous = t;
        }
        if (fits && last.isAfter(previous)) {
            return office;
        }
        // Too little room in office hours (e.g. all on one evening): spread evenly over the gap instead.
        List<LocalDateTime> spread = new ArrayList<>(count);
        long span = Duration.between(first, last).toMinutes();
        long offset = 0;
        for (int j = 1; j <= count; j++) {
            long latestPossible = span - (count + 1 - j);
            offset = offset + 1 + (long) (rng.nextDouble() * (latestPossible - offset));
            spread.add(first.plusMinutes(offset));
        }
        return spread;
    }

    /** Half the timestamps fall on a whole minute, so both timestamp spellings occur. */
    private static LocalDateTime withSeconds(Rng rng, LocalDateTime minute) {
        return rng.chance(0.5) ? minute : minute.withSecond(rng.between(1, 59));
    }

    /** Non-decreasing counts ending at {@code size}: how much of a list each version knew. */
    private static int[] growing(Rng rng, int size, int versions) {
        int[] known = new int[versions];
        known[versions - 1] = size;
        for (int j = versions - 2; j >= 0; j--) {
            known[j] = rng.between(0, known[j + 1]);
        }
        return known;
    }

    /** Which file each time falls into when the period up to the export is cut into equal slices. */
    int fileOf(LocalDateTime time) {
        long seconds = Duration.between(start, time).getSeconds();
        return (int) Math.max(0, Math.min(spec.files() - 1, seconds * spec.files() / spanSeconds));
    }

    /**
     * Which rows to write where, in delivery order (by file, then within a file). Consecutive
     * versions usually go to consecutive files, sometimes twice into one; now and then an older
     * version is delivered again after the newest (a later file, or later in the same file).
     */
    List<Placement> place(RequestPlan plan) {
        Rng rng = new Rng(spec.seed(), plan.index(), Rng.Stream.PLACE);
        List<Version> versions = plan.versions();
        int count = versions.size();
        int files = spec.files();
        if (count == 1) {
            return List.of(new Placement(0, fileOf(versions.get(0).lastModified())));
        }
        int[] fileOfVersion = new int[count];
        fileOfVersion[0] = Math.min(fileOf(versions.get(0).lastModified()), Math.max(0, files - count));
        for (int j = 1; j < count; j++) {
            int previous = fileOfVersion[j - 1];
            fileOfVersion[j] = previous < files - 1 && rng.chance(NEXT_FILE) ? previous + 1 : previous;
        }
        List<Placement> placements = new ArrayList<>(count + 1);
        for (int j = 0; j < count; j++) {
            placements.add(new Placement(j, fileOfVersion[j]));
        }
        // Newest first within one file: the same rule must hold inside a file.
        for (int j = 0; j + 1 < count; j++) {
            Placement a = placements.get(j);
            Placement b = placements.get(j + 1);
            if (a.file() == b.file() && a.version() < b.version() && rng.chance(REVERSED_IN_FILE)) {
                placements.set(j, b);
                placements.set(j + 1, a);
            }
        }
        if (rng.chance(OUT_OF_ORDER_SHARE)) {
            int older = rng.nextInt(count - 1);
            int newestFile = fileOfVersion[count - 1];
            int file = newestFile < files - 1 ? rng.between(newestFile + 1, files - 1) : newestFile;
            placements.add(new Placement(older, file)); // last in delivery order either way
        }
        return placements;
    }
}
