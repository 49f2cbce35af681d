package org.yiwang.license;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * 证照类型管理 for platform administrators: the types with their items, and linking or unlinking a published item
 * whose completion yields a type (一个事项只产生一种证照).
 */
@Service
class LicenseTypeConsole {

    private static final Pattern TYPE_CODE = Pattern.compile("[0-9A-Z]{18}[0-9]{3}");

    /** A type and the published items yielding it (an item no longer published shows without a name). */
    record TypeDetail(LicenseType type, List<ItemRef> items) {
    }

    record ItemRef(String code, String name) {
    }

    private final LicenseTypes types;
    private final PublishedItems items;

    LicenseTypeConsole(LicenseTypes types, PublishedItems items) {
        this.types = types;
        this.items = items;
    }

    @Transactional(readOnly = true)
    public List<LicenseType> list(Staff staff) {
        requireAdmin(staff);
        return types.all();
    }

    @Transactional(readOnly = true)
    public TypeDetail detail(Staff staff, String code) {
        requireAdmin(staff);
        LicenseType type = type(code);
        return new TypeDetail(type, type.items().stream().map(i -> new ItemRef(i,
                items.find(i).map(p -> p.content().name()).orElse("（未发布）"))).toList());
    }

    @Transactional
    public void link(Staff staff, String code, String itemCode) {
        requireAdmin(staff);
        LicenseType type = type(code);
        String item = itemCode.strip();
        PublishedItem published = items.find(item)
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_TYPE_ITEM_NOT_FOUND, item));
        boolean forPersons = published.content().serviceObjects().contains(ServiceObject.NATURAL_PERSON);
        boolean forOrganisations = published.content().serviceObjects().stream()
                .anyMatch(o -> o != ServiceObject.NATURAL_PERSON);
        if (type.holderKind() == LicenseType.HolderKind.PERSON ? !forPersons : !forOrganisations) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_HOLDER, published.content().name(),
                    type.holderKind().label());
        }
        types.typeOfItem(item).ifPresent(linked -> {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_LINKED, published.content().name(), linked);
        });
        try {
            types.link(type.code(), item);
        } catch (DuplicateKeyException raced) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_LINKED, published.content().name(), code);
        }
    }

    @Transactional
    public void unlink(Staff staff, String code, String itemCode) {
        requireAdmin(staff);
        if (!types.unlink(type(code).code(), itemCode)) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_NOT_FOUND, itemCode);
        }
    }

    /** The type; a code not of the GB/T 36904 form (credit code + 3 digits) is refused as malformed. */
    private LicenseType type(String code) {
        if (!TYPE_CODE.matcher(code).matches() || !CreditCode.isValid(code.substring(0, 18))) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_CODE_INVALID, code);
        }
        return types.require(code);
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(LicenseError.LICENSE_PLATFORM_ADMIN_REQUIRED);
        }
    }
}
