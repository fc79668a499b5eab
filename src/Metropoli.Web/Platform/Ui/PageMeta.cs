namespace Metropoli.Web.Platform.Ui;
