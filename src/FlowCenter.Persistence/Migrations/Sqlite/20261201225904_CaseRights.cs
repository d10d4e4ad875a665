using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResumedBy",
                table: "Journal",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskItems_InstanceId",
                table: "TaskItems",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCopies_InstanceId",
                table: "TaskCopies",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskItems_InstanceId",
                table: "TaskItems");

            migrationBuilder.DropIndex(
                name: "IX_TaskCopies_InstanceId",
                table: "TaskCopies");

            migrationBuilder.DropColumn(
                name: "ResumedBy",
                table: "Journal");
        }
    }
}
