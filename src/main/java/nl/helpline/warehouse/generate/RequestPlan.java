package nl.helpline.warehouse.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one request that decides the truth: its versions in time order (strictly
 * increasing {@code Laatst gewijzigd}, all at or before the moment of export).
 */
record RequestPlan(long index, String requestNumber, LocalDate received, List<Version> versions) {

    RequestPlan {
        versions = List.copyOf(versions);
    }

    Version latest() {
        return versions.get(versions.size() - 1);
    }

    GeneratedRequest truth() {
        return latest().toTruth(requestNumber, received);
    }
}
