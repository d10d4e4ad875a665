using FlowCenter.Runtime.Organization;

namespace FlowCenter.Runtime.Tests.Organization;

public sealed class OrganizationFileTests
{
    [Fact]
    public void Parse_UsersCsv_ReadsQuotedFieldsRolesAndManagers()
    {
        const string csv = "\uFEFFuserName,displayName,email,department,position,manager,roles\r\n"
            + "li.na,\"李娜, Manager\",li.na@example.com,buy,,boss,Designer;Purchasing\r\n"
            + "\r\n"
            + "zw,\"Zhang \"\"Wei\"\"\",,buy,buyer,li.na,\n";

        var snapshot = OrganizationFile.Parse("users.csv", csv);

        Assert.Equal(2, snapshot.Users.Count);
        Assert.Equal(("李娜, Manager", "boss"), (snapshot.Users[0].DisplayName, snapshot.Users[0].ManagerUserName));
        Assert.Equal(["Designer", "Purchasing"], snapshot.Users[0].Roles);
        Assert.Equal(("Zhang \"Wei\"", "buyer", (string?)null), (snapshot.Users[1].DisplayName, snapshot.Users[1].PositionId, snapshot.Users[1].Email));
    }

    [Fact]
    public void Parse_DepartmentAndPositionCsv_AreToldByTheirHeader()
    {
        var departments = OrganizationFile.Parse("d.csv", "id,name,parent,manager\nhq,总经办,,boss\nbuy,采购部,hq,\n");
        var positions = OrganizationFile.Parse("p.csv", "id,name,department\nbuyer,采购员,buy\n");

        Assert.Equal(new Department("buy", "采购部", "hq"), departments.Departments[1]);
        Assert.Equal(new Position("buyer", "采购员", "buy"), Assert.Single(positions.Positions));
    }

    [Theory]
    [InlineData("bad.csv", "userName,displayName\n\"unclosed,x\n", "bad.csv line 2: Malformed CSV")]
    [InlineData("bad.csv", "id,name\na,b,c\n", "bad.csv line 2: 3 fields, but the header names 2")]
    [InlineData("bad.json", "{ \"users\": [ { \"userName\": ", "bad.json is not valid organisation JSON (line 1")]
    public void Parse_Malformed_SaysWhatAndWhere(string name, string text, string expected)
    {
        var error = Assert.Throws<OrganizationException>(() => OrganizationFile.Parse(name, text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Json_ReadsTheSnapshot()
    {
        var snapshot = OrganizationFile.Parse("org.json", """{ "departments": [ { "id": "hq", "name": "HQ" } ], "users": [ { "userName": "a", "displayName": "A", "roles": ["HR"] } ] }""");

        Assert.Equal("HQ", snapshot.Departments.Single().Name);
        Assert.Equal(["HR"], snapshot.Users.Single().Roles);
    }
}
