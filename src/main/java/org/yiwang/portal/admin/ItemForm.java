package org.yiwang.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.CaseType;
import org.yiwang.catalog.ExerciseLevel;
import org.yiwang.catalog.Faq;
import org.yiwang.catalog.Fee;
import org.yiwang.catalog.FormField;
import org.yiwang.catalog.HandlingForm;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.ItemType;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.ResultType;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Situation;
import org.yiwang.catalog.Theme;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.TimeUnit;
import org.yiwang.identity.AssuranceLevel;

/**
 * The edit form of an item, bound field by field (public fields, direct field access). Field paths are those of
 * {@link ItemContent}, so the catalogue's violations ({@code materials[1].name}) land next to the right input. Rows
 * left completely blank are dropped; blank optional texts become absent.
 */
public class ItemForm {

    public int revision;
    public String basicCode = "";
    public String implementationCode = "";
    public String handlingItemCode = "";
    public String name = "";
    public @Nullable ItemType type;
    public String departmentCode = "";
    public @Nullable ExerciseLevel exerciseLevel;
    public String legalBasis = "";
    public Limit statutoryLimit = new Limit();
    public Limit promisedLimit = new Limit();
    public String promisedLimitNote = "";
    public @Nullable CaseType caseType;
    public @Nullable Integer onSiteVisits = 0;
    public String onSiteVisitReason = "";
    public boolean chargeable;
    public List<FeeRow> fees = new ArrayList<>();
    public String acceptanceConditions = "";
    public List<MaterialRow> materials = new ArrayList<>();
    public boolean noMaterials;
    public List<SituationRow> situations = new ArrayList<>();
    public List<ServiceObject> serviceObjects = new ArrayList<>();
    public List<HandlingForm> handlingForms = new ArrayList<>();
    public @Nullable OnlineDepth onlineDepth;
    public boolean appointment;
    public boolean onlinePayment;
    public boolean postalDelivery;
    public boolean preReview;
    public @Nullable AssuranceLevel minimumAssuranceLevel;
    public String handlingProcess = "";
    public String resultName = "";
    public @Nullable ResultType resultType;
    public List<Theme> themes = new ArrayList<>();
    public String keywords = "";
    public String address = "";
    public String officeHours = "";
    public String consultationPhone = "";
    public String supervisionChannel = "";
    public List<FaqRow> faqs = new ArrayList<>();
    public FormRows applicationForm = new FormRows();

    /** A time limit as typed: value and unit. */
    public static class Limit {
        public @Nullable Integer value;
        public TimeUnit unit = TimeUnit.WORKING_DAY;

        static Limit of(TimeLimit limit) {
            var l = new Limit();
            l.value = limit.value();
            l.unit = limit.unit();
            return l;
        }

        @Nullable
        TimeLimit toLimit() {
            return value == null || value < 0 ? null : new TimeLimit(value, unit);
        }
    }

    public static class FeeRow {
        public String name = "";
        public String standard = "";
        public String basis = "";
        public String reduction = "";

        boolean blank() {
            return allBlank(name, standard, basis, reduction);
        }
    }

    public static class MaterialRow {
        public String key = "";
        public String name = "";
        public boolean required;
        public boolean conditional;
        public Material.MaterialForm form = Material.MaterialForm.PAPER_OR_ELECTRONIC;
        public @Nullable Integer copies = 1;
        public Material.MaterialSource source = Material.MaterialSource.APPLICANT;
        public String sourceDescription = "";
        public String blankFormFileId = "";
        public String sampleFileId = "";
        public @Nullable MultipartFile blankFormUpload;
        public @Nullable MultipartFile sampleUpload;
        public String notes = "";
        public String acceptanceStandard = "";
        public String legalBasis = "";
        public String licenceTypeCode = "";

        boolean blank() {
            return allBlank(key, name, sourceDescription, blankFormFileId, sampleFileId, notes, acceptanceStandard,
                    legalBasis, licenceTypeCode) && empty(blankFormUpload) && empty(sampleUpload);
        }
    }

    public static class SituationRow {
        public String key = "";
        public String question = "";
        public List<AnswerRow> answers = new ArrayList<>();

        boolean blank() {
            return allBlank(key, question) && answers.stream().allMatch(AnswerRow::blank);
        }
    }

    public static class AnswerRow {
        public String key = "";
        public String label = "";
        public String addsMaterials = "";
        public String removesMaterials = "";

        boolean blank() {
            return allBlank(key, label, addsMaterials, removesMaterials);
        }
    }

    public static class FaqRow {
        public String question = "";
        public String answer = "";

        boolean blank() {
            return allBlank(question, answer);
        }
    }

    /** The application form's fields, at the path they have in {@link ItemContent}. */
    public static class FormRows {
        public List<FieldRow> fields = new ArrayList<>();
    }

    /** One field of the application form; options one per line. */
    public static class FieldRow {
        public String key = "";
        public String label = "";
        public FormField.Type type = FormField.Type.TEXT;
        public boolean required;
        public FormField.@Nullable Prefill prefill;
        public String options = "";
        public String hint = "";

        boolean blank() {
            return allBlank(key, label, options, hint) && prefill == null;
        }

        static FieldRow of(FormField field) {
            var row = new FieldRow();
            row.key = field.key();
            row.label = field.label();
            row.type = field.type();
            row.required = field.required();
            row.prefill = field.prefill();
            row.options = String.join("\n", field.options());
            row.hint = orBlank(field.hint());
            return row;
        }

        FormField toField() {
            return new FormField(key.strip(), label.strip(), type, required, prefill,
                    options.lines().map(String::strip).filter(o -> !o.isEmpty()).toList(), optional(hint));
        }
    }

    /** A form for a new item of the given department, with the usual defaults. */
    static ItemForm blank(String departmentCode) {
        var form = new ItemForm();
        form.departmentCode = departmentCode;
        form.implementationCode = departmentCode;
        form.statutoryLimit.value = 20;
        form.promisedLimit.value = 5;
        form.caseType = CaseType.PROMISED;
        form.onlineDepth = OnlineDepth.CONSULTATION;
        form.handlingForms.add(HandlingForm.WINDOW);
        form.materials.add(new MaterialRow());
        form.materials.get(0).key = "m1";
        form.materials.get(0).required = true;
        return form;
    }

    static ItemForm of(ItemContent c, int revision) {
        var f = new ItemForm();
        f.revision = revision;
        f.basicCode = c.basicCode();
        f.implementationCode = c.implementationCode();
        f.handlingItemCode = orBlank(c.handlingItemCode());
        f.name = c.name();
        f.type = c.type();
        f.departmentCode = c.departmentCode();
        f.exerciseLevel = c.exerciseLevel();
        f.legalBasis = c.legalBasis();
        f.statutoryLimit = Limit.of(c.statutoryLimit());
        f.promisedLimit = Limit.of(c.promisedLimit());
        f.promisedLimitNote = orBlank(c.promisedLimitNote());
        f.caseType = c.caseType();
        f.onSiteVisits = c.onSiteVisits();
        f.onSiteVisitReason = orBlank(c.onSiteVisitReason());
        f.chargeable = c.chargeable();
        c.fees().forEach(fee -> {
            var row = new FeeRow();
            row.name = fee.name();
            row.standard = fee.standard();
            row.basis = fee.basis();
            row.reduction = orBlank(fee.reduction());
            f.fees.add(row);
        });
        f.acceptanceConditions = c.acceptanceConditions();
        c.materials().forEach(m -> {
            var row = new MaterialRow();
            row.key = m.key();
            row.name = m.name();
            row.required = m.required();
            row.conditional = m.conditional();
            row.form = m.form();
            row.copies = m.copies();
            row.source = m.source();
            row.sourceDescription = orBlank(m.sourceDescription());
            row.blankFormFileId = orBlank(m.blankFormFileId());
            row.sampleFileId = orBlank(m.sampleFileId());
            row.notes = orBlank(m.notes());
            row.acceptanceStandard = orBlank(m.acceptanceStandard());
            row.legalBasis = orBlank(m.legalBasis());
            row.licenceTypeCode = orBlank(m.licenceTypeCode());
            f.materials.add(row);
        });
        f.noMaterials = c.noMaterials();
        c.situations().forEach(s -> {
            var row = new SituationRow();
            row.key = s.key();
            row.question = s.question();
            s.answers().forEach(a -> {
                var answer = new AnswerRow();
                answer.key = a.key();
                answer.label = a.label();
                answer.addsMaterials = String.join("，", a.addsMaterials());
                answer.removesMaterials = String.join("，", a.removesMaterials());
                row.answers.add(answer);
            });
            f.situations.add(row);
        });
        f.serviceObjects.addAll(c.serviceObjects());
        f.handlingForms.addAll(c.handlingForms());
        f.onlineDepth = c.onlineDepth();
        f.appointment = c.appointment();
        f.onlinePayment = c.onlinePayment();
        f.postalDelivery = c.postalDelivery();
        f.preReview = c.preReview();
        f.minimumAssuranceLevel = c.minimumLevel().orElse(null);
        f.handlingProcess = c.handlingProcess();
        f.resultName = orBlank(c.resultName());
        f.resultType = c.resultType();
        f.themes.addAll(c.themes());
        f.keywords = String.join("，", c.keywords());
        f.address = c.address();
        f.officeHours = c.officeHours();
        f.consultationPhone = c.consultationPhone();
        f.supervisionChannel = c.supervisionChannel();
        c.faqs().forEach(q -> {
            var row = new FaqRow();
            row.question = q.question();
            row.answer = q.answer();
            f.faqs.add(row);
        });
        c.applicationForm().fields().forEach(field -> f.applicationForm.fields.add(FieldRow.of(field)));
        return f;
    }

    /** Drops blank rows, so that what is shown again after an error is what will be saved. */
    void dropBlankRows() {
        fees.removeIf(r -> r == null || r.blank());
        materials.removeIf(r -> r == null || r.blank());
        situations.removeIf(r -> r == null || r.blank());
        situations.forEach(s -> s.answers.removeIf(a -> a == null || a.blank()));
        faqs.removeIf(r -> r == null || r.blank());
        applicationForm.fields.removeIf(r -> r == null || r.blank());
    }

    /** The content to hand to the catalogue; the catalogue's rules judge it. */
    ItemContent toContent() {
        dropBlankRows();
        return new ItemContent(basicCode.strip(), implementationCode.strip(), optional(handlingItemCode), name.strip(),
                type, departmentCode.strip(), exerciseLevel, legalBasis.strip(), statutoryLimit.toLimit(),
                promisedLimit.toLimit(), optional(promisedLimitNote), caseType,
                onSiteVisits == null ? 0 : onSiteVisits, optional(onSiteVisitReason), chargeable,
                fees.stream().map(r -> new Fee(r.name.strip(), r.standard.strip(), r.basis.strip(),
                        optional(r.reduction))).toList(),
                acceptanceConditions.strip(),
                materials.stream().map(r -> new Material(r.key.strip(), r.name.strip(), r.required, r.conditional,
                        r.form, r.copies == null ? 1 : r.copies, r.source, optional(r.sourceDescription),
                        optional(r.blankFormFileId), optional(r.sampleFileId), optional(r.notes),
                        optional(r.acceptanceStandard), optional(r.legalBasis), optional(r.licenceTypeCode))).toList(),
                noMaterials,
                situations.stream().map(s -> new Situation(s.key.strip(), s.question.strip(), s.answers.stream()
                        .map(a -> new Situation.Answer(a.key.strip(), a.label.strip(), split(a.addsMaterials),
                                split(a.removesMaterials))).toList())).toList(),
                enumSet(serviceObjects, ServiceObject.class), enumSet(handlingForms, HandlingForm.class), onlineDepth,
                appointment, onlinePayment, postalDelivery, handlingProcess.strip(), optional(resultName), resultType,
                enumSet(themes, Theme.class), split(keywords), address.strip(), officeHours.strip(),
                consultationPhone.strip(), supervisionChannel.strip(),
                faqs.stream().map(q -> new Faq(q.question.strip(), q.answer.strip())).toList(),
                new ApplicationForm(applicationForm.fields.stream().map(FieldRow::toField).toList()), preReview,
                minimumAssuranceLevel == null ? null : minimumAssuranceLevel.rank());
    }

    /** Words separated by commas (either width), 、 or whitespace. */
    static List<String> split(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static <E extends Enum<E>> Set<E> enumSet(List<E> values, Class<E> type) {
        var set = EnumSet.noneOf(type);
        values.stream().filter(java.util.Objects::nonNull).forEach(set::add);
        return set;
    }

    private static @Nullable String optional(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orBlank(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(v -> v == null || v.isBlank());
    }

    private static boolean empty(@Nullable MultipartFile file) {
        return file == null || file.isEmpty();
    }
}
