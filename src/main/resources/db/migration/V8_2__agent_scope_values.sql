-- 授权范围, by the name of org.yiwang.identity.AgentScope: ALL (全部事项) or APPLY_ONLY (仅申报).
ALTER TABLE enterprise_agent ADD CONSTRAINT enterprise_agent_scope CHECK (scope IN ('ALL', 'APPLY_ONLY'));
