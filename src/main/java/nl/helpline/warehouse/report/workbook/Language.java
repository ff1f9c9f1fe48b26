package nl.helpline.warehouse.report.workbook;

import java.util.Locale;

/** Language of every fixed text the writers produce (sheet names, headers, notes, cover labels). */
public enum Language {
    NL(Locale.forLanguageTag("nl-NL")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** Locale for dates written out in words (never for numbers: those are always locale-neutral). */
    public Locale locale() {
        return locale;
    }
}
