using System.Collections;
using System.Reflection;
using NewsSite.Templates;

namespace NewsSite.Tests.Templates;

public sealed class TeaserKeyTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static TeaserView Full() => new(
        "Quake shakes the coast",
        "/world/quake/",
        "A summary.",
        new DateView("2026-01-01T09:30:00+05:30", "1 January 2026", "1 Jan 2026", "09:30"),
        new LinkView("World", "/world/", 3, Current: false),
        [new LinkView("Asha Rao", "/authors/asha-rao/"), new LinkView("Tom Lee", "/authors/tom-lee/")],
        new ImageView("/media/quake.jpg", "Rubble", "A caption", "Photo: Desk", 1200, 800, "/media/quake.1-480.jpg 480w", "/media/quake.1-480.webp 480w"),
        Draft: false,
        GoesLive: new DateView("2026-02-01T06:00:00+05:30", "1 February 2026, 06:00 IST", "1 Feb 2026", "06:00"));

    [Fact]
    public void The_same_teaser_gives_the_same_key()
    {
        Assert.Equal(TeaserKey.Of(Full()), TeaserKey.Of(Full()));
    }

    /// <remarks>
    /// Every field of the teaser and of each view inside it is changed in turn, found by reflection: a field
    /// added to a view later is covered (or fails here) without this test being edited.
    /// </remarks>
    [Fact]
    public void Changing_anything_a_teaser_shows_changes_its_key()
    {
        var original = TeaserKey.Of(Full());
        var variants = Variants(Full(), typeof(TeaserView)).ToList();

        Assert.True(variants.Count > 25, $"only {variants.Count} variants");
        foreach (var (what, variant) in variants)
        {
            Assert.True(TeaserKey.Of((TeaserView)variant!) != original, $"{what} changed but the key did not");
        }
    }

    private static IEnumerable<(string What, object? Value)> Variants(object? value, Type type)
    {
        if (type == typeof(string))
        {
            yield return ("text", value is null ? "" : value + "x");
            yield return ("text", value is null ? "x" : "");
        }
        else if (type == typeof(int))
        {
            yield return ("number", (int)value! + 1);
        }
        else if (type == typeof(int?))
        {
            yield return ("number", value is null ? 0 : null);
        }
        else if (type == typeof(bool))
        {
            yield return ("flag", !(bool)value!);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var items = ((IEnumerable)value!).Cast<object?>().ToList();
            yield return ("one item fewer", List(itemType, items.Skip(1)));
            yield return ("items swapped", List(itemType, Enumerable.Reverse(items)));
            for (var i = 0; i < items.Count; i++)
            {
                foreach (var (what, item) in Variants(items[i], itemType))
                {
                    yield return ($"item {i}: {what}", List(itemType, items.Select((x, at) => at == i ? item : x)));
                }
            }
        }
        else
        {
            var constructor = type.GetConstructors().Single(c => c.GetParameters().Length > 0);
            var parameters = constructor.GetParameters();
            Assert.Equal(
                type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == type).Select(p => p.Name).Order(),
                parameters.Select(p => p.Name!).Order());
            var arguments = parameters.Select(p => type.GetProperty(p.Name!)!.GetValue(value)).ToArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                var nullable = Nullability.Create(parameter).WriteState == NullabilityState.Nullable;
                var options = Variants(arguments[i], parameter.ParameterType).ToList();
                if (nullable && !parameter.ParameterType.IsValueType)
                {
                    options.Add(("null", null));
                }

                foreach (var (what, changed) in options)
                {
                    var copy = (object?[])arguments.Clone();
                    copy[i] = changed;
                    yield return ($"{type.Name}.{parameter.Name}: {what}", constructor.Invoke(copy));
                }
            }
        }
    }

    private static object List(Type itemType, IEnumerable<object?> items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
