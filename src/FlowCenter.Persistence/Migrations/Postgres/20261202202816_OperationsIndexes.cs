using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OperationsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DurationMs",
                table: "Instances",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartedMs",
                table: "Instances",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "InstanceVariables",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Number = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceVariables", x => new { x.InstanceId, x.Name });
                    table.ForeignKey(
                        name: "FK_InstanceVariables_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Status_DurationMs",
                table: "Instances",
                columns: new[] { "Status", "DurationMs" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_Name_Number",
                table: "InstanceVariables",
                columns: new[] { "Name", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceVariables_Name_Text",
                table: "InstanceVariables",
                columns: new[] { "Name", "Text" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceVariables");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Status_DurationMs",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "DurationMs",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "StartedMs",
                table: "Instances");
        }
    }
}
