await FlowCenter.Samples.Enterprise.EnterpriseApp.Create(args).RunAsync();
