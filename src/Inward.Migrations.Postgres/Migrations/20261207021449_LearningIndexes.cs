using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inward.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearningIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LearningAssignments_CourseId_Status",
                table: "LearningAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_LearningAssignments_CourseId_Status_EmployeeId_DueDate",
                table: "LearningAssignments",
                columns: new[] { "CourseId", "Status", "EmployeeId", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LearningAssignments_CourseId_Status_EmployeeId_DueDate",
                table: "LearningAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_LearningAssignments_CourseId_Status",
                table: "LearningAssignments",
                columns: new[] { "CourseId", "Status" });
        }
    }
}
