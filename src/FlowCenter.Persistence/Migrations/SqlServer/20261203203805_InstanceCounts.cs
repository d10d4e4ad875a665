using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InstanceCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_CompletedAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_CreatedAt",
                table: "Instances");

            migrationBuilder.AddColumn<bool>(
                name: "Live",
                table: "InstanceVariables",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "InstanceCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DefinitionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Incidents = table.Column<int>(type: "int", nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceCounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroups_Open",
                table: "TaskGroups",
                columns: new[] { "DefinitionId", "InstanceId" },
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_Live_Name_Number",
                table: "InstanceVariables",
                columns: new[] { "Name", "Number" },
                filter: "[Live] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_Live_Name_Text",
                table: "InstanceVariables",
                columns: new[] { "Name", "Text" },
                filter: "[Live] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_DurationMs_Id",
                table: "Instances",
                columns: new[] { "DurationMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Ended",
                table: "Instances",
                columns: new[] { "CompletedAt", "Status", "DefinitionId", "DurationMs", "StartedMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Live_CreatedAt",
                table: "Instances",
                column: "CreatedAt",
                filter: "\"Status\" IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Running_StartedMs",
                table: "Instances",
                column: "StartedMs",
                filter: "\"DurationMs\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_StartedMs",
                table: "Instances",
                column: "StartedMs");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_UpdatedAt_Id",
                table: "Instances",
                columns: new[] { "UpdatedAt", "Id" });

            // The totals and the live flag of the instances stored before them, in the migration's transaction.
            migrationBuilder.Sql("""
                INSERT INTO "InstanceCounts" ("DefinitionId", "DefinitionVersion", "Status", "Incidents", "Delta")
                SELECT "DefinitionId", "DefinitionVersion", "Status", CASE WHEN "OpenIncidents" > 0 THEN 1 ELSE 0 END, COUNT(*)
                FROM "Instances"
                GROUP BY "DefinitionId", "DefinitionVersion", "Status", CASE WHEN "OpenIncidents" > 0 THEN 1 ELSE 0 END
                """);
            migrationBuilder.Sql("""
                UPDATE "InstanceVariables" SET "Live" = 1
                WHERE "InstanceId" IN (SELECT "Id" FROM "Instances" WHERE "Status" IN (0, 1, 2))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceCounts");

            migrationBuilder.DropIndex(
                name: "IX_TaskGroups_Open",
                table: "TaskGroups");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_Live_Name_Number",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_InstanceVariables_Live_Name_Text",
                table: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_Instances_CreatedAt_Id",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_DurationMs_Id",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Ended",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Live_CreatedAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Running_StartedMs",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_StartedMs",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_UpdatedAt_Id",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Live",
                table: "InstanceVariables");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CompletedAt",
                table: "Instances",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CreatedAt",
                table: "Instances",
                column: "CreatedAt");
        }
    }
}
