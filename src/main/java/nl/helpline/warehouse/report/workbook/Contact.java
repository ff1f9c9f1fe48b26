package nl.helpline.warehouse.report.workbook;

/**
 * Who publishes the report and how readers reach them: the cover's contact block, the document's
 * author, the infographic's contact block.
 *
 * @param organisation the publishing organisation, e.g. "Landelijk Steunpunt Extremisme (LSE)"; the
 *                     document's author
 * @param phone        phone number as printed, e.g. "088 – 20 80 080"; may be null
 * @param email        e-mail address, e.g. "info@hetlse.nl" (linked with {@code mailto:}); may be null
 * @param website      a web address starting with {@code https://}; may be null
 */
public record Contact(String organisation, String phone, String email, String website) {

    public Contact {
        Model.requireText(organisation, "organisation");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        if (website != null && !website.startsWith("https://") && !website.startsWith("http://")) {
            throw new IllegalArgumentException("a website starts with https://: " + website);
        }
        phone = blankToNull(phone);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
