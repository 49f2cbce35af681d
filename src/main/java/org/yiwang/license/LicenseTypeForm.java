package org.yiwang.license;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The licence type form of the console as typed: the definition's values as text, one row per metadata field and per
 * placed field (parallel request parameters {@code fieldKey}, {@code fieldLabel} …), so that a refused form shows again
 * as it was sent. {@link #toType()} reads it into the model of {@code types.json} ({@link LicenseType}).
 */
record LicenseTypeForm(String code, String name, String holderKind, String validityYears, List<FieldRow> fields,
        String width, String height, String title, String titleY, String titleSize, List<PlacedRow> placed,
        String codeX, String codeY, String codeSize, String sealX, String sealY, String sealSize) {

    /** Blank rows offered for new fields and placements. */
    private static final int BLANK_ROWS = 3;

    record FieldRow(String key, String label, String formKey, boolean required) {
    }

    record PlacedRow(String field, String x, String y, String size, boolean bold) {
    }

    /** A new type's starting point: an A4 landscape page with the holder, number, issuer and dates placed. */
    static LicenseTypeForm blank() {
        List<PlacedRow> placed = new ArrayList<>();
        String[] standard = {"holderName", "holderCode", "number", "issuer", "issuedOn", "validUntil"};
        for (int i = 0; i < standard.length; i++) {
            placed.add(new PlacedRow(standard[i], "30", String.valueOf(48 + 12 * i), "5", i == 0));
        }
        return new LicenseTypeForm("", "", LicenseType.HolderKind.PERSON.name(), "", List.of(), "297", "210", "", "18",
                "10", placed, "240", "150", "36", "170", "140", "42").withBlankRows();
    }

    static LicenseTypeForm of(LicenseType type) {
        LicenseType.Layout l = type.layout();
        return new LicenseTypeForm(type.code(), type.name(), type.holderKind().name(),
                type.validityYears() == null ? "" : type.validityYears().toString(),
                type.fields().stream().map(f -> new FieldRow(f.key(), f.label(), f.formKey() == null ? "" : f.formKey(),
                        f.required())).toList(),
                text(l.width()), text(l.height()), l.title(), text(l.titleY()), text(l.titleSize()),
                l.placed().stream().map(p -> new PlacedRow(p.field(), text(p.x()), text(p.y()), text(p.size()),
                        p.bold())).toList(),
                text(l.code().x()), text(l.code().y()), text(l.code().size()), text(l.seal().x()), text(l.seal().y()),
                text(l.seal().size())).withBlankRows();
    }

    /** The form as sent; rows whose key (or placed field) is blank are left out. */
    static LicenseTypeForm of(MultiValueMap<String, String> form) {
        List<FieldRow> fields = rows(form, "fieldKey").mapToObj(i -> new FieldRow(at(form, "fieldKey", i),
                at(form, "fieldLabel", i), at(form, "fieldFormKey", i), at(form, "fieldRequired", i).equals("true")))
                .filter(f -> !f.key().isEmpty()).toList();
        List<PlacedRow> placed = rows(form, "placedField").mapToObj(i -> new PlacedRow(at(form, "placedField", i),
                at(form, "placedX", i), at(form, "placedY", i), at(form, "placedSize", i),
                at(form, "placedBold", i).equals("true"))).filter(p -> !p.field().isEmpty()).toList();
        return new LicenseTypeForm(one(form, "code"), one(form, "name"), one(form, "holderKind"),
                one(form, "validityYears"), fields, one(form, "width"), one(form, "height"), one(form, "title"),
                one(form, "titleY"), one(form, "titleSize"), placed, one(form, "codeX"), one(form, "codeY"),
                one(form, "codeSize"), one(form, "sealX"), one(form, "sealY"), one(form, "sealSize"));
    }

    LicenseTypeForm withBlankRows() {
        List<FieldRow> f = new ArrayList<>(fields);
        List<PlacedRow> p = new ArrayList<>(placed);
        for (int i = 0; i < BLANK_ROWS; i++) {
            f.add(new FieldRow("", "", "", false));
            p.add(new PlacedRow("", "", "", "", false));
        }
        return new LicenseTypeForm(code, name, holderKind, validityYears, f, width, height, title, titleY, titleSize, p,
                codeX, codeY, codeSize, sealX, sealY, sealSize);
    }

    /** The definition typed; a value that is not a number where one is needed is refused with its place. */
    LicenseType toType() {
        LicenseType.HolderKind kind;
        try {
            kind = LicenseType.HolderKind.valueOf(holderKind);
        } catch (IllegalArgumentException e) {
            throw LicenseTypeConsole.invalid("holderKind");
        }
        Integer years;
        try {
            years = validityYears.isEmpty() ? null : Integer.valueOf(validityYears);
        } catch (NumberFormatException e) {
            throw LicenseTypeConsole.invalid("validityYearsNotInteger", validityYears);
        }
        List<LicenseType.Field> typeFields = fields.stream().map(f -> new LicenseType.Field(f.key(), f.label(),
                f.formKey().isEmpty() ? null : f.formKey(), f.required())).toList();
        List<LicenseType.Placed> typePlaced = placed.stream().map(p -> new LicenseType.Placed(p.field(),
                number(p.x(), "placedX", p.field()), number(p.y(), "placedY", p.field()),
                number(p.size(), "placedSize", p.field()), p.bold())).toList();
        LicenseType.Layout layout = new LicenseType.Layout(number(width, "width"), number(height, "height"), title,
                number(titleY, "titleY"), number(titleSize, "titleSize"), typePlaced,
                new LicenseType.Box(number(codeX, "codeX"), number(codeY, "codeY"), number(codeSize, "codeSize")),
                new LicenseType.Box(number(sealX, "sealX"), number(sealY, "sealY"), number(sealSize, "sealSize")));
        return new LicenseType(code, name, kind, typeFields, years, layout, List.of());
    }

    /** The number typed; {@code what} names the value ({@code license.type.value.<what>}) when it is not one. */
    private static double number(String value, String what, String... whatArgs) {
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw LicenseTypeConsole.invalid("notANumber", LicenseTypeConsole.value(what, (Object[]) whatArgs), value);
    }

    private static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static IntStream rows(MultiValueMap<String, String> form, String key) {
        List<String> values = form.get(key);
        return IntStream.range(0, values == null ? 0 : values.size());
    }

    private static String at(MultiValueMap<String, String> form, String key, int index) {
        @Nullable List<String> values = form.get(key);
        return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index).strip();
    }

    private static String one(MultiValueMap<String, String> form, String key) {
        return at(form, key, 0);
    }
}
