using System.Collections.Concurrent;
using Metropoli.Platform.Data;

namespace Metropoli.Platform.Modules;

/// <summary>How a module reads another through its contract: the owner registers a factory for a contract
/// interface (<see cref="IMetropoliModule.ProvideReads"/>); a reader asks <c>db.Reads&lt;ITerritoryQueries&gt;()</c>
/// and gets rows bound to its own context, so that a join of its tables with the other module's rows is one
/// SQL statement and the reader never names the other's entities (ADR 0026).</summary>
public sealed class ModuleReads
{
    private static readonly ConcurrentDictionary<Type, Func<AppDbContext, object>> Factories = new();

    internal ModuleReads()
    {
    }

    public void Provide<T>(Func<AppDbContext, T> factory) where T : class => Factories[typeof(T)] = factory;

    internal static T For<T>(AppDbContext db) where T : class =>
        Factories.TryGetValue(typeof(T), out var factory)
            ? (T)factory(db)
            : throw new InvalidOperationException($"No module provides {typeof(T).Name}: is its module listed in the host?");
}

public static class ModuleReadsExtensions
{
    /// <summary>The contract <typeparamref name="T"/> of another module, over this context.</summary>
    public static T Reads<T>(this AppDbContext db) where T : class => db.ReadsOf<T>();
}
