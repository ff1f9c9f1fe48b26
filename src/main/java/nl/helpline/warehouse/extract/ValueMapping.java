package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The labels the case system writes, per field, mapped onto the contract's codes
 * ({@code jobs/mappings.yml}). Immutable.
 *
 * <p>Labels match ignoring case, surrounding and repeated white space, non-breaking spaces and
 * the kind of dash, so operations only list spellings that differ in letters.
 */
public final class ValueMapping {

    /** field → label key → code */
    private final Map<String, Map<String, String>> codeByLabel;
    /** field → codes, in file order */
    private final Map<String, Set<String>> codes;

    private ValueMapping(Map<String, Map<String, String>> codeByLabel, Map<String, Set<String>> codes) {
        this.codeByLabel = codeByLabel;
        this.codes = codes;
    }

    /** Reads a mappings file (UTF-8 YAML: field → code → list of labels). */
    public static ValueMapping load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    /** As {@link #load(Path)}; the stream is read to its end but not closed. */
    public static ValueMapping load(InputStream in) {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "mappings");
    }

    /**
     * Builds a mapping from plain data: field → code → labels.
     *
     * @throws IllegalArgumentException when one label maps onto two codes of a field
     */
    public static ValueMapping of(Map<String, Map<String, List<String>>> fields) {
        Map<String, Map<String, String>> byLabel = new LinkedHashMap<>();
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        fields.forEach((field, labelsByCode) -> {
            Map<String, String> index = new LinkedHashMap<>();
            Set<String> fieldCodes = new LinkedHashSet<>();
            labelsByCode.forEach((code, labels) -> {
                fieldCodes.add(code);
                for (String label : labels) {
                    String key = Text.key(label);
                    if (key.isEmpty()) {
                        throw new IllegalArgumentException(
                                "Mapping " + field + "." + code + " has a blank label");
                    }
                    String earlier = index.putIfAbsent(key, code);
                    if (earlier != null && !earlier.equals(code)) {
                        throw new IllegalArgumentException("Mapping " + field + ": label '" + label
                                + "' is given for both " + earlier + " and " + code);
                    }
                }
            });
            byLabel.put(field, Collections.unmodifiableMap(index));
            codes.put(field, Collections.unmodifiableSet(fieldCodes));
        });
        return new ValueMapping(Collections.unmodifiableMap(byLabel), Collections.unmodifiableMap(codes));
    }

    /**
     * The code for a label as the export writes it.
     *
     * @return null when the label is not in the field's list
     * @throws IllegalArgumentException when the field itself is not in the mapping
     */
    public String code(String field, String label) {
        Map<String, String> index = codeByLabel.get(field);
        if (index == null) {
            throw new IllegalArgumentException("No mapping for field " + field);
        }
        return label == null ? null : index.get(Text.key(label));
    }

    /** The codes of a field, in the order the mapping lists them. */
    public Set<String> codes(String field) {
        Set<String> fieldCodes = codes.get(field);
        if (fieldCodes == null) {
            throw new IllegalArgumentException("No mapping for field " + field);
        }
        return fieldCodes;
    }

    /** The fields this mapping covers. */
    public Set<String> fields() {
        return codes.keySet();
    }

    /*
     * The YAML is read as a node tree rather than as Java objects so that every label stays the
     * text it was written as: plain YAML 1.1 loading would turn a label such as "No", "Off" or
     * "1" into a boolean or a number.
     */
    private static ValueMapping parse(Reader in, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        Map<String, Map<String, List<String>>> fields = new LinkedHashMap<>();
        for (NodeTuple field : mapping(root, source).getValue()) {
            String fieldName = scalar(field.getKeyNode(), source);
            Map<String, List<String>> labelsByCode = new LinkedHashMap<>();
            for (NodeTuple code : mapping(field.getValueNode(), source).getValue()) {
                labelsByCode.put(scalar(code.getKeyNode(), source), labels(code.getValueNode(), source));
            }
            fields.put(fieldName, labelsByCode);
        }
        return of(fields);
    }

    private static List<String> labels(Node node, String source) {
        if (node instanceof ScalarNode) {
            return List.of(scalar(node, source));
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(n -> scalar(n, source)).toList();
        }
        throw new IllegalArgumentException(source + " line " + (node.getStartMark().getLine() + 1)
                + ": expected a label or a list of labels");
    }

    private static MappingNode mapping(Node node, String source) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw new IllegalArgumentException(source + " line " + (node.getStartMark().getLine() + 1)
                + ": expected a mapping");
    }

    private static String scalar(Node node, String source) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new IllegalArgumentException(source + " line " + (node.getStartMark().getLine() + 1)
                + ": expected a single value");
    }
}
