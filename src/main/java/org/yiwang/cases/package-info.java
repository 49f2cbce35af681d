/**
 * Case handling (一网通办办件): from the application (申报) to completion (办结) and delivery (送达) within the promised
 * working days.
 *
 * <h2>Life cycle</h2>
 * <pre>
 *  DRAFT 草稿 ──submit 提交──▶ PRE_REVIEW 待预审 ──pre-review 预审通过──┐
 *        (walk-in 窗口登记 and items without 预审) ──▶ SUBMITTED 待受理 ◀─┘
 *  SUBMITTED ──accept 受理──▶ UNDER_REVIEW 审查中 (clock starts; 即办件: accepted and COMPLETED at once)
 *  PRE_REVIEW | SUBMITTED ──reject 不予受理──▶ NOT_ACCEPTED (result 6)
 *  PRE_REVIEW | SUBMITTED | UNDER_REVIEW ──corrections 补正告知──▶ CORRECTION_REQUESTED 待补正
 *        (clock stopped if accepted) ──supplement 补正提交──▶ back to where it was asked
 *        ──completion with result 5 (never completed)──▶ COMPLETED
 *  UNDER_REVIEW ──review 审查──▶ DECIDING 待决定 ──decision 决定──▶ DECIDED 待办结 ──completion 办结──▶ COMPLETED
 *        (result 0 approved / 1 refused) ──delivery 送达──▶ DELIVERED
 *  UNDER_REVIEW | DECIDING ──pauses 特别程序──▶ PAUSED (clock stopped) ──resume──▶ back
 *  extensions 延期 (approver, ≤ 10 working days in all, 行政许可法 art. 42) add to the promised date
 *  any state before the decision ──withdrawal 撤回 (applicant)──▶ WITHDRAWN (result 5)
 *  any state before the decision ──annulment 作废 (window, department admin)──▶ VOIDED (result 2)
 *  never accepted ──deletion 删除 (department or platform admin)──▶ DELETED (result 3, nothing physically deleted)
 *  accepted ──forwarding 转报办结 (approver, department admin)──▶ COMPLETED (result 4)
 * </pre>
 * Result codes ({@link org.yiwang.cases.ResultCode}): 0 办结, 1 不予许可, 2 作废, 3 删除, 4 转报办结, 5 退件/撤回,
 * 6 不予受理; 1–5 carry a reason.
 *
 * <h2>State and process</h2>
 * The {@code service_case} row is the source of truth for a case's state. Each case also runs a Flowable process
 * instance (default {@code processes/yiwang-case.bpmn20.xml}: [预审] → 受理 → 审查 → 决定 → 办结, or the item's
 * uploaded process, see {@link org.yiwang.cases.CaseProcesses}) that says which task is next and which role takes it:
 * candidate groups {@code WINDOW_CLERK@<region>} (the comprehensive window of the case's region, 一窗受理) and
 * {@code REVIEWER@<department>}, {@code APPROVER@<department>} (the responsible department, 后台分办). The row mirrors
 * the current task, its role and who claimed it. A staff action locks the row as it reads it, checks scope, version,
 * state, role and task, completes the task and then writes the row once (only if its version is unchanged) — all in
 * one transaction; a second member acting at the same time waits and then finds the case moved on.
 *
 * <h2>Time limits</h2>
 * Promised completion date = acceptance date + promised working days + extensions + working days the clock stood
 * (corrections after acceptance, special procedures), by the statutory calendar ({@code calendar} module, 行政许可法
 * art. 82). Yellow warning at {@code yiwang.cases.warning.yellow-days} remaining, red when overdue;
 * {@link org.yiwang.cases.OverdueCheck} marks overdue cases and tells the handler.
 *
 * <h2>Trail and data sets</h2>
 * Every action is appended to {@code service_case_trail} (who, role, channel, time, opinion, state before and after),
 * which the database keeps append-only. {@link org.yiwang.cases.CaseDatasets} exports a case as the GB/T 39046 data
 * sets 办事申请, 事项受理, 事项办理, 事项办结.
 *
 * <h2>Housekeeping</h2>
 * {@link org.yiwang.cases.DraftCleanup} deletes drafts untouched for {@code yiwang.cases.draft-retention}; an item's
 * minimum identity assurance level is checked when a draft is created and when it is submitted.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.cases;
