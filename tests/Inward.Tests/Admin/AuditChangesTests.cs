using Inward.Features.Admin;

namespace Inward.Tests.Admin;

public sealed class AuditChangesTests
{
    [Fact]
    public void Changed_fields_pair_their_before_and_after_values()
    {
        var fields = AuditChanges.Fields("{\"Name\":\"Sales\",\"ParentId\":null}", "{\"Name\":\"Sales & Marketing\",\"ParentId\":4}");

        Assert.Equal([new FieldChange("Name", "Sales", "Sales & Marketing"), new FieldChange("ParentId", null, "4")], fields);
    }

    [Fact]
    public void Created_and_deleted_entries_have_one_side_only()
    {
        Assert.Equal([new FieldChange("Id", null, "7"), new FieldChange("IsActive", null, "true")], AuditChanges.Fields(null, "{\"Id\":7,\"IsActive\":true}"));
        Assert.Equal([new FieldChange("Id", "7", null)], AuditChanges.Fields("{\"Id\":7}", null));
    }

    [Fact]
    public void Arrays_are_listed_and_non_objects_and_broken_json_are_shown_whole()
    {
        Assert.Equal([new FieldChange("Roles", "Employee", "Employee, HR")], AuditChanges.Fields("{\"Roles\":[\"Employee\"]}", "{\"Roles\":[\"Employee\",\"HR\"]}"));
        Assert.Equal([new FieldChange(AuditChanges.WholeValue, null, "42")], AuditChanges.Fields(null, "42"));
        Assert.Equal([new FieldChange(AuditChanges.WholeValue, null, "{not json")], AuditChanges.Fields("", "{not json"));
    }
}
