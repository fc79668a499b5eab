using System.Globalization;
using Metropoli.Platform.Identifiers;

namespace Metropoli.Tests.Unit;

/// <summary>Partita IVA and codice fiscale of bodies: 11 digits with the Agenzia delle Entrate's check digit.</summary>
public sealed class PartitaIvaTests
{
    [Theory]
    [InlineData("01199250158")] // Comune di Milano (codice fiscale and partita IVA)
    [InlineData("08911820960")] // Città metropolitana di Milano
    [InlineData("80050050154")] // Regione Lombardia (codice fiscale; bodies without VAT start with 8 or 9)
    [InlineData("80173350150")] // another body's 11-digit code, check digit 0
    public void Real_codes_of_public_bodies_are_valid(string code)
    {
        Assert.Equal((true, null, code), Tuple(IdentifierCheck.ValidatePartitaIva(code)));
        Assert.Equal((true, null, code), Tuple(IdentifierCheck.ValidateCodiceFiscaleEnte(code)));
        Assert.Equal((true, null, code), Tuple(IdentifierCheck.ValidateCodiceFiscale(code)));
    }

    [Theory]
    [InlineData(" 01199250158 ", "01199250158")]
    [InlineData("011 9925 0158", "01199250158")]
    [InlineData("IT01199250158", "01199250158")]
    [InlineData("it 01199250158", "01199250158")]
    public void Spaces_and_the_vies_prefix_are_normalised(string input, string normalized)
    {
        var r = IdentifierCheck.ValidatePartitaIva(input);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(normalized, r.Normalized);
    }

    [Theory]
    [InlineData("01199250159")] // last digit changed
    [InlineData("01199250150")]
    [InlineData("10199250158")] // first two digits swapped
    [InlineData("80050050155")]
    [InlineData("08911820961")]
    public void A_wrong_check_digit_is_refused(string code)
    {
        var r = IdentifierCheck.ValidatePartitaIva(code);
        Assert.False(r.Ok);
        Assert.Contains("cifra di controllo", r.Error);
        Assert.Contains("cifra di controllo", IdentifierCheck.ValidateCodiceFiscaleEnte(code).Error);
    }

    [Theory]
    [InlineData("0119925015")]   // 10 digits
    [InlineData("011992501580")] // 12 digits
    [InlineData("0119925015A")]
    [InlineData("01199-250158")]
    [InlineData("IT0119925015")] // prefix with a digit missing
    [InlineData("٠١١٩٩٢٥٠١٥٨")] // Arabic-Indic digits are not ASCII digits
    public void Anything_but_eleven_ascii_digits_is_refused(string code)
    {
        var r = IdentifierCheck.ValidatePartitaIva(code);
        Assert.False(r.Ok);
        Assert.Equal("La partita IVA deve essere composta da 11 cifre.", r.Error);
    }

    [Fact]
    public void An_all_zero_registration_number_is_refused_even_with_a_matching_check_digit()
    {
        Assert.Equal(0, IdentifierCheck.LuhnCheckDigit("00000000000"));
        Assert.False(IdentifierCheck.ValidatePartitaIva("00000000000").Ok);
        Assert.Contains("matricola", IdentifierCheck.ValidateCodiceFiscaleEnte("00000000000").Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_values_ask_for_the_code(string? code)
    {
        Assert.Equal("Indica la partita IVA.", IdentifierCheck.ValidatePartitaIva(code).Error);
        Assert.Equal("Indica il codice fiscale.", IdentifierCheck.ValidateCodiceFiscaleEnte(code).Error);
        Assert.Equal("Indica il codice fiscale.", IdentifierCheck.ValidateCodiceFiscale(code).Error);
    }

    [Fact]
    public void Every_single_digit_error_is_detected()
    {
        // Property: the Luhn scheme catches any one wrong digit. Random valid numbers, every other digit at every position.
        var random = new Random(20261122);
        for (var n = 0; n < 300; n++)
        {
            var code = RandomValid(random);
            Assert.True(IdentifierCheck.ValidatePartitaIva(code).Ok, code);
            for (var i = 0; i < 11; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == code[i]) continue;
                    var wrong = code[..i] + d + code[(i + 1)..];
                    Assert.False(IdentifierCheck.ValidatePartitaIva(wrong).Ok, $"{wrong} (from {code}) was accepted");
                }
            }
        }
    }

    [Fact]
    public void Adjacent_transpositions_are_detected_except_09_and_90()
    {
        var random = new Random(7);
        for (var n = 0; n < 300; n++)
        {
            var code = RandomValid(random);
            for (var i = 0; i < 10; i++)
            {
                if (code[i] == code[i + 1]) continue;
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                if (swapped[..7] == "0000000") continue; // refused for its registration number, not its check digit
                var pair = string.Concat(code[i], code[i + 1]);
                // The one blind spot of Luhn: 0 and 9 contribute the same whether doubled or not.
                Assert.Equal(pair is "09" or "90", IdentifierCheck.ValidatePartitaIva(swapped).Ok);
            }
        }
    }

    [Fact]
    public void The_check_digit_of_exactly_one_last_digit_makes_a_valid_code()
    {
        var random = new Random(11);
        for (var n = 0; n < 200; n++)
        {
            var first10 = RandomValid(random)[..10];
            var valid = Enumerable.Range(0, 10).Where(d => IdentifierCheck.ValidatePartitaIva(first10 + d.ToString(CultureInfo.InvariantCulture)).Ok).ToList();
            Assert.Single(valid);
        }
    }

    internal static string RandomValid(Random random)
    {
        string first10;
        do
        {
            first10 = string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('0' + random.Next(10))));
        }
        while (first10[..7] == "0000000");
        return first10 + IdentifierCheck.LuhnCheckDigit(first10 + "0").ToString(CultureInfo.InvariantCulture);
    }

    private static (bool, string?, string) Tuple(IdentifierResult r) => (r.Ok, r.Error, r.Normalized);
}

/// <summary>Personal codice fiscale: structure, month letter, day (plus 40 for women), check letter, omocodia.
/// The valid codes below were built by hand for fictitious people and their check letters verified.</summary>
public sealed class CodiceFiscalePersonaTests
{
    [Theory]
    [InlineData("RSSMRA85T10A562S")] // man, 10 December 1985, Assisi
    [InlineData("BNCLRA70A41F205E")] // woman, 1 January 1970, Milano
    [InlineData("BNCLRA70A71F205H")] // woman, 31 January 1970
    [InlineData("VRDGPP84B29F205X")] // 29 February 1984, a leap year
    [InlineData("RSSMRA84B28H501S")]
    public void Valid_codes_pass_and_are_kept_as_they_are(string code)
    {
        var r = IdentifierCheck.ValidateCodiceFiscalePersona(code);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(code, r.Normalized);
        Assert.True(IdentifierCheck.ValidateCodiceFiscale(code).Ok);
        Assert.False(IdentifierCheck.IsOmocodic(code));
    }

    [Theory]
    [InlineData("rssmra85t10a562s")]
    [InlineData(" RSS MRA 85T10 A562S ")]
    [InlineData("RSSMRA85T10A562s")]
    public void Lower_case_and_spaces_are_normalised(string input)
    {
        var r = IdentifierCheck.ValidateCodiceFiscalePersona(input);
        Assert.True(r.Ok, r.Error);
        Assert.Equal("RSSMRA85T10A562S", r.Normalized);
    }

    [Theory]
    [InlineData("RSSMRA85T10A56NH", "RSSMRA85T10A562")] // the last digit of the place code replaced (2 → N)
    [InlineData("RSSMRAURTMLARSNL", "RSSMRA85T10A562")] // all seven digits replaced
    public void Omocodic_codes_are_valid_and_decode_to_the_original_digits(string code, string plain15)
    {
        var r = IdentifierCheck.ValidateCodiceFiscalePersona(code.ToLowerInvariant());
        Assert.True(r.Ok, r.Error);
        Assert.Equal(code, r.Normalized); // the omocodic code is the one the person holds: never rewritten
        Assert.True(IdentifierCheck.IsOmocodic(code));
        Assert.Equal(plain15, IdentifierCheck.Deomocode(code)[..15]);
    }

    [Fact]
    public void Every_combination_of_omocodic_replacements_is_valid_with_its_own_check_letter()
    {
        // Property over all 2^7 subsets of the seven digit positions.
        int[] positions = [6, 7, 9, 10, 12, 13, 14];
        const string letters = "LMNPQRSTUV";
        foreach (var base15 in new[] { "RSSMRA85T10A562", "BNCLRA70A41F205", "VRDGPP84B29F205" })
        {
            for (var mask = 0; mask < 128; mask++)
            {
                var chars = base15.ToCharArray();
                for (var b = 0; b < 7; b++)
                {
                    if ((mask & (1 << b)) != 0) chars[positions[b]] = letters[chars[positions[b]] - '0'];
                }
                var first15 = new string(chars);
                var code = first15 + IdentifierCheck.PersonaCheckLetter(first15);
                var r = IdentifierCheck.ValidateCodiceFiscalePersona(code);
                Assert.True(r.Ok, $"{code}: {r.Error}");
                Assert.Equal(mask != 0, IdentifierCheck.IsOmocodic(code));
                Assert.Equal(base15, IdentifierCheck.Deomocode(code)[..15]);
            }
        }
    }

    [Fact]
    public void Only_one_check_letter_of_26_is_accepted()
    {
        foreach (var code in new[] { "RSSMRA85T10A562S", "BNCLRA70A41F205E", "RSSMRAURTMLARSNL" })
        {
            var accepted = Enumerable.Range('A', 26).Select(c => code[..15] + (char)c)
                .Where(c => IdentifierCheck.ValidateCodiceFiscalePersona(c).Ok).ToList();
            Assert.Equal([code], accepted);
        }
    }

    [Fact]
    public void Every_single_character_substitution_is_detected()
    {
        // Property: at each of the first 15 positions, every other character allowed there makes the code invalid
        // (the odd-position values are a permutation of 0-25, and digits and omocodic letters never share a value).
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string digitsAndOmocodia = "0123456789LMNPQRSTUV";
        int[] digitPositions = [6, 7, 9, 10, 12, 13, 14];
        foreach (var code in new[] { "RSSMRA85T10A562S", "BNCLRA70A41F205E", "VRDGPP84B29F205X" })
        {
            for (var i = 0; i < 15; i++)
            {
                foreach (var c in digitPositions.Contains(i) ? digitsAndOmocodia : letters)
                {
                    if (c == code[i]) continue;
                    var changed = code[..i] + c + code[(i + 1)..];
                    // Replacing a digit by its own omocodic letter is a different valid code with a different check letter.
                    Assert.False(IdentifierCheck.ValidateCodiceFiscalePersona(changed).Ok, $"{changed} (from {code}) was accepted");
                }
            }
        }
    }

    [Theory]
    [InlineData("RSSMRA85T10A562T", "carattere di controllo")]
    [InlineData("RSSMRA85F10A562S", "lettera del mese")] // F is not a month
    [InlineData("RSSMRA85T32A562S", "giorno")]
    [InlineData("RSSMRA85T40A562S", "giorno")]
    [InlineData("RSSMRA85T00A562S", "giorno")]
    [InlineData("RSSMRA85T72A562S", "giorno")]
    [InlineData("RSSMRA85B30A562S", "giorno")] // 30 February
    [InlineData("VRDGPP85B29F205Y", "giorno")] // 29 February 1985 (or 2085): not a leap year
    [InlineData("RSSMRA85D31A562S", "giorno")] // 31 April
    [InlineData("RSSMRA85T10A56ZS", "al loro posto")] // Z is not an omocodic letter
    [InlineData("RSSMR485T10A562S", "al loro posto")] // a digit among the name letters
    [InlineData("RSSMRA85T10A562", "16 caratteri")]
    [InlineData("RSSMRA85T10A562SS", "16 caratteri")]
    [InlineData("RSSMRA85T10A562-", "16 caratteri")]
    [InlineData("RSSMRÀ85T10A562S", "16 caratteri")]
    public void Invalid_codes_say_what_is_wrong(string code, string reason)
    {
        var r = IdentifierCheck.ValidateCodiceFiscalePersona(code);
        Assert.False(r.Ok, code);
        Assert.Contains(reason, r.Error);
    }

    [Fact]
    public void The_general_check_picks_the_kind_by_length()
    {
        Assert.True(IdentifierCheck.ValidateCodiceFiscale("80050050154").Ok);
        Assert.True(IdentifierCheck.ValidateCodiceFiscale("rssmra85t10a562s").Ok);
        Assert.Equal("RSSMRA85T10A562S", IdentifierCheck.ValidateCodiceFiscale("rssmra85t10a562s").Normalized);
        Assert.Contains("11 cifre", IdentifierCheck.ValidateCodiceFiscale("8005005015").Error);
        Assert.Contains("16 caratteri", IdentifierCheck.ValidateCodiceFiscale("RSSMRA85T10A56").Error);
        Assert.Contains("cifra di controllo", IdentifierCheck.ValidateCodiceFiscale("80050050155").Error);
        Assert.Contains("carattere di controllo", IdentifierCheck.ValidateCodiceFiscale("RSSMRA85T10A562T").Error);
    }
}

/// <summary>CUP (format only) and CIG (legacy and Smart CIG checksums, the PCP form without one).</summary>
public sealed class ProcurementCodeTests
{
    [Theory]
    [InlineData("I98I21000110001")] // CUPs published in ANAC and OpenCoesione data
    [InlineData("B79H18000040009")]
    [InlineData("H11B22000370004")]
    public void A_cup_is_15_upper_case_letters_and_digits(string cup)
    {
        Assert.True(IdentifierCheck.ValidateCup(cup).Ok);
        Assert.Equal(cup, IdentifierCheck.ValidateCup(" " + cup.ToLowerInvariant() + " ").Normalized);
        Assert.True(IdentifierCheck.ValidateCup(cup.ToLowerInvariant()).Ok);
    }

    [Theory]
    [InlineData("B79H1800004000")]
    [InlineData("B79H180000400090")]
    [InlineData("B79H-1800004000")]
    [InlineData("B79H18000040_09")]
    [InlineData("")]
    public void Other_cups_are_refused(string cup) => Assert.False(IdentifierCheck.ValidateCup(cup).Ok);

    [Theory]
    [InlineData("95156957EC")] // legacy CIGs from ANAC's open data: 9515695 × 211 mod 4091 = 0x7EC
    [InlineData("918052266A")]
    public void Legacy_cigs_carry_a_checksum(string cig)
    {
        var (result, kind) = IdentifierCheck.CheckCig(cig.ToLowerInvariant());
        Assert.True(result.Ok, result.Error);
        Assert.Equal(cig, result.Normalized);
        Assert.Equal(IdentifierCheck.CigKind.Legacy, kind);
    }

    [Theory]
    [InlineData("95156957ED")]
    [InlineData("95156967EC")]
    [InlineData("918052266B")]
    [InlineData("0000000000")] // progressive number zero, although 0 × 211 mod 4091 = 0
    public void A_legacy_cig_with_a_wrong_checksum_is_refused(string cig)
    {
        var r = IdentifierCheck.ValidateCig(cig);
        Assert.False(r.Ok);
        Assert.Contains("controllo", r.Error);
    }

    [Fact]
    public void Exactly_one_checksum_fits_each_legacy_progressive_number()
    {
        var random = new Random(4091);
        for (var n = 0; n < 200; n++)
        {
            var progressive = random.Next(1, 10_000_000);
            var prefix = progressive.ToString("D7", CultureInfo.InvariantCulture);
            var good = (progressive * 211L % 4091).ToString("X3", CultureInfo.InvariantCulture);
            Assert.True(IdentifierCheck.ValidateCig(prefix + good).Ok, prefix + good);
            for (var k = 0; k < 4096; k += 37)
            {
                var candidate = k.ToString("X3", CultureInfo.InvariantCulture);
                Assert.Equal(candidate == good, IdentifierCheck.ValidateCig(prefix + candidate).Ok);
            }
        }
    }

    [Fact]
    public void Smart_cigs_carry_their_own_checksum()
    {
        // A Smart CIG from OpenCoesione's project data: 0x220C0F6 × 211 mod 251 = 0x78.
        var (result, kind) = IdentifierCheck.CheckCig("Z78220C0F6");
        Assert.True(result.Ok, result.Error);
        Assert.Equal(IdentifierCheck.CigKind.Smart, kind);
        Assert.False(IdentifierCheck.ValidateCig("Z79220C0F6").Ok);
        Assert.False(IdentifierCheck.ValidateCig("Z78220C0F7").Ok);
        Assert.False(IdentifierCheck.ValidateCig("Z000000000").Ok);
        var random = new Random(251);
        for (var n = 0; n < 200; n++)
        {
            var c = random.Next(1, 0x10000000);
            var k = (int)(c * 211L % 251);
            foreach (var letter in "XYZ")
            {
                Assert.True(IdentifierCheck.ValidateCig($"{letter}{k:X2}{c:X7}").Ok);
                Assert.False(IdentifierCheck.ValidateCig($"{letter}{(k + 1) % 256:X2}{c:X7}").Ok);
            }
        }
    }

    [Theory]
    [InlineData("A0468A1DD8")] // the Piattaforma Contratti Pubblici form: a letter and 9 hexadecimal digits, no checksum
    [InlineData("B1F5E7C2A3")]
    [InlineData("a0468a1dd8")]
    public void Pcp_cigs_are_checked_for_format_only(string cig)
    {
        var (result, kind) = IdentifierCheck.CheckCig(cig);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(cig.ToUpperInvariant(), result.Normalized);
        Assert.Equal(IdentifierCheck.CigKind.Pcp, kind);
    }

    [Theory]
    [InlineData("A0468A1DDG")] // G is not hexadecimal
    [InlineData("A0468A1DD")]
    [InlineData("A0468A1DD80")]
    [InlineData("123456789G")]
    [InlineData("12345AB7EC")] // letters inside the legacy progressive number
    [InlineData("ZZ8220C0F6")]
    [InlineData("A0468-1DD8")]
    [InlineData("")]
    public void Other_cigs_are_refused(string cig) => Assert.False(IdentifierCheck.ValidateCig(cig).Ok);
}

/// <summary>ISTAT codes of Comuni and IPA codes.</summary>
public sealed class RegistryCodeTests
{
    [Theory]
    [InlineData("015146", "015146")] // Milano
    [InlineData("015182", "015182")] // Rho
    [InlineData(" 015 146 ", "015146")]
    public void Istat_codes_are_six_digits_with_their_leading_zeros(string input, string normalized)
    {
        var r = IdentifierCheck.ValidateIstatComune(input);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(normalized, r.Normalized);
    }

    [Theory]
    [InlineData("15146")] // the leading zero lost in a spreadsheet is not guessed back
    [InlineData("0015146")]
    [InlineData("01514A")]
    [InlineData("000146")]
    [InlineData("015000")]
    [InlineData("")]
    public void Other_istat_codes_are_refused(string code) => Assert.False(IdentifierCheck.ValidateIstatComune(code).Ok);

    [Fact]
    public void Every_seeded_comune_has_a_valid_istat_code()
    {
        var codes = Metropoli.Territory.Model.TerritorySeed.ReadRows().Select(r => r.IstatCode).ToList();
        Assert.Equal(133, codes.Count);
        Assert.All(codes, c => Assert.True(IdentifierCheck.ValidateIstatComune(c).Ok, c));
    }

    [Theory]
    [InlineData("c_f205", "c_f205")] // Comune di Milano
    [InlineData("r_lombar", "r_lombar")] // Regione Lombardia
    [InlineData("C_F205", "c_f205")]
    [InlineData(" c_h264 ", "c_h264")]
    [InlineData("a", "a")]
    [InlineData("abcdefghij0123456789", "abcdefghij0123456789")]
    public void Ipa_codes_are_letters_digits_and_underscores_stored_in_lower_case(string input, string normalized)
    {
        var r = IdentifierCheck.ValidateIpaCode(input);
        Assert.True(r.Ok, r.Error);
        Assert.Equal(normalized, r.Normalized);
    }

    [Theory]
    [InlineData("c-f205")]
    [InlineData("c.f205")]
    [InlineData("abcdefghij0123456789x")]
    [InlineData("città")]
    [InlineData("")]
    public void Other_ipa_codes_are_refused(string code) => Assert.False(IdentifierCheck.ValidateIpaCode(code).Ok);
}
