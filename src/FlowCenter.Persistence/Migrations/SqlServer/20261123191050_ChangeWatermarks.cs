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
                name: "Watermarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ClaimedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ClaimFrom = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Watermarks", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Watermarks");
        }
    }
}
