using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCenter.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChangeWatermarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WatermarkClaims",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Claimant = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    From = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    To = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatermarkClaims", x => new { x.Name, x.Claimant });
                });

            migrationBuilder.CreateTable(
                name: "Watermarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Watermarks", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WatermarkClaims_ClaimedAt",
                table: "WatermarkClaims",
                column: "ClaimedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WatermarkClaims");

            migrationBuilder.DropTable(
                name: "Watermarks");
        }
    }
}
