using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ThresholdMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Percent = table.Column<double>(type: "REAL", nullable: true),
                    MinimumRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    Users = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RemindEveryMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastNotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Notified = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_AlertRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlertRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_CompletedAt_StartedAt",
                table: "Journal",
                columns: new[] { "CompletedAt", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_NodeId_StartedAt",
                table: "Journal",
                columns: new[] { "NodeId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleId_OpenKey",
                table: "Alerts",
                columns: new[] { "RuleId", "OpenKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_State_OpenedAt",
                table: "Alerts",
                columns: new[] { "State", "OpenedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "AlertRules");

            migrationBuilder.DropIndex(
                name: "IX_Journal_CompletedAt_StartedAt",
                table: "Journal");

            migrationBuilder.DropIndex(
                name: "IX_Journal_NodeId_StartedAt",
                table: "Journal");
        }
    }
}
